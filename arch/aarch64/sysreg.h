/* System register access and the EL2 register values the kernel sets. */
#pragma once
#include <stdint.h>

#define read_sysreg(reg) ({                                                   \
    uint64_t v_;                                                              \
    __asm__ volatile("mrs %0, " #reg : "=r"(v_));                             \
    v_;                                                                       \
})
#define write_sysreg(reg, v) __asm__ volatile("msr " #reg ", %0" ::"r"((uint64_t)(v)) : "memory")
#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")

/* SCTLR_EL2 (non-VHE layout): RES1 bits, then what the kernel turns on. */
#define SCTLR_EL2_RES1 0x30c50830ull
#define SCTLR_M (1ull << 0)     /* stage-1 MMU */
#define SCTLR_C (1ull << 2)     /* data caches */
#define SCTLR_SA (1ull << 3)    /* SP alignment check */
#define SCTLR_I (1ull << 12)    /* instruction cache */
#define SCTLR_EL2_KERNEL (SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I)

/* HCR_EL2 while no EC has run yet (the kernel probes): EL1 is AArch64,
 * physical IRQs go to EL2 (IMO; without it, or TGE, the idle loop's
 * WFI would never take the timer's interrupt), nothing trapped, no
 * E2H/TGE. */
#define HCR_RW (1ull << 31)
#define HCR_IMO (1ull << 4)
#define HCR_EL2_KERNEL (HCR_RW | HCR_IMO)

/* ESR_ELx exception classes the kernel names. */
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define EC_UNKNOWN 0x00
#define EC_BRK64 0x3c

static inline unsigned current_el(void)
{
    return (unsigned)(read_sysreg(CurrentEL) >> 2) & 3;
}
