/* Scheduling context descriptor (spec 3.9). Budget and priority must be
 * non-zero; COS must be 0 where COS is unsupported (always on aarch64),
 * otherwise < COS_NUM. Anything else is BAD_PAR. */
#pragma once
#include <stdint.h>

#define NOVA_SCD_BUDGET_SHIFT 0    /* 15..0, milliseconds */
#define NOVA_SCD_PRIO_SHIFT   16   /* 22..16 */
#define NOVA_SCD_COS_SHIFT    23   /* 38..23 */
#define NOVA_SCD_BUDGET_MAX   0xFFFFu
#define NOVA_SCD_PRIO_MAX     0x7Fu
#define NOVA_SCD_COS_MAX      0xFFFFu

/* Impl. note: 128 levels, 0 is the idle SCs', the root SC runs at 127. */
#define NOVA_PRIO_ROOT_IMPL 127u

static inline uint64_t nova_scd(unsigned budget_ms, unsigned prio, unsigned cos)
{
    return (uint64_t)(budget_ms & NOVA_SCD_BUDGET_MAX) << NOVA_SCD_BUDGET_SHIFT |
           (uint64_t)(prio & NOVA_SCD_PRIO_MAX) << NOVA_SCD_PRIO_SHIFT |
           (uint64_t)(cos & NOVA_SCD_COS_MAX) << NOVA_SCD_COS_SHIFT;
}
