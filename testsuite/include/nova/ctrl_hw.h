/* ctrl_hw descriptors (spec 4.16); 56 bits, sent in bits 63..8 of the
 * identifier register. Root PD only (BAD_HYP elsewhere). */
#pragma once
#include <stdint.h>

#define NOVA_HW_DESC_MASK 0x00FFFFFFFFFFFFFFull

/* OP=0, S-state transition: S 2..0, A (SLP_TYPa) 5..3, B (SLP_TYPb) 8..6. */
enum nova_sstate {
    NOVA_S1 = 1, NOVA_S2 = 2, NOVA_S3 = 3,   /* shallow: the call returns */
    NOVA_S4 = 4, NOVA_S5 = 5,                /* deep: no return */
    NOVA_S_RESET = 7,                        /* platform reset, A = B = 0 */
};

static inline uint64_t nova_hw_sstate(unsigned s, unsigned a, unsigned b)
{
    return (s & 7u) | (a & 7u) << 3 | (b & 7u) << 6;
}

/* OP=4, QOS configuration (once per CPU): CDP for L3 (bit 1), L2 (bit 2). */
#define NOVA_HW_QOS_CDP_L3 0x2u
#define NOVA_HW_QOS_CDP_L2 0x4u

/* OP=5/6, capacity bitmask: COS register index 15..0, mask 47..16. */
static inline uint64_t nova_hw_cat(unsigned index, uint32_t mask)
{
    return (index & 0xFFFFu) | (uint64_t)mask << 16;
}

/* OP=7, MBA delay: COS 15..0, delay 31..16. */
static inline uint64_t nova_hw_mba(unsigned cos, unsigned delay)
{
    return (cos & 0xFFFFu) | (uint64_t)(delay & 0xFFFFu) << 16;
}
