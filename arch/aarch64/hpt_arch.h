/* aarch64 host page tables: stage-2 tables (host ECs run with stage 1
 * off, so HVA = IPA), 40-bit IPA, one VMID per space (hpt.c). */
#pragma once
#include <stdint.h>

/* User virtual addresses: 0 .. 2^40 (H = 40, interface §9). */
#define HPT_USER_BITS 40
#define HPT_USER_END (1ull << HPT_USER_BITS)

/* hpt_entry.attr: 0 is the kernel's default (normal write-back, inner
 * shareable: root image, UTCBs, HIP); a delegated MAD is stored as
 * HPT_ATTR_MAD | CA (2..0) | SH (4..3). */
#define HPT_ATTR_MAD 0x20u

struct hpt {
    uint64_t *root;         /* two concatenated level-1 tables (8 KiB) */
    uint64_t vttbr;         /* their physical address | VMID << 48 */
    unsigned vmid;          /* 1..255; shared round-robin beyond 255 spaces */
};

/* Makes h the current host space of this CPU (VTTBR_EL2, its VMID's TLB
 * entries flushed if another space used the VMID here). */
void hpt_activate(const struct hpt *h);
