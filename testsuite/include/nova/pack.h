/* Packed register fields of the calling convention (spec 6.1). */
#pragma once
#include <stdint.h>

#define NOVA_PAGE_SHIFT 12
#define NOVA_PAGE_SIZE  4096u

/* create_ec: bits 63..12 host-virtual page address, bits 11..0 CPU. */
static inline uint64_t nova_pack_hvp_cpu(uint64_t hva, unsigned cpu)
{
    return (hva & ~(uint64_t)0xFFF) | (cpu & 0xFFFu);
}

/* ctrl_pd source: bits 63..12 selector base, bits 4..0 order (11..5 ignored). */
static inline uint64_t nova_pack_ssb_ord(uint64_t ssb, unsigned ord)
{
    return ssb << 12 | (ord & 0x1Fu);
}

/* ctrl_pd destination: bits 63..12 selector base, bits 4..0 permission mask. */
static inline uint64_t nova_pack_dsb_pmm(uint64_t dsb, unsigned pmm)
{
    return dsb << 12 | (pmm & 0x1Fu);
}

/* assign_dev: the SMMU's physical address, only bits 63..12 are used. */
static inline uint64_t nova_pack_smmu(uint64_t pa)
{
    return pa & ~(uint64_t)0xFFF;
}
