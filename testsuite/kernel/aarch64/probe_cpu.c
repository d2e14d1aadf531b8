/* The CPU state the aarch64 boot code promises: EL2, the EL2 MMU and
 * caches on over our identity map, our vectors, no VHE or TGE. */
#include "aarch64.h"
#include "probe.h"
#include "sysreg.h"

static void el2(struct probe_ctx *ctx)
{
    if (!probe_expect_eq(ctx, "CurrentEL", current_el(), 2))
        return;
    uint64_t sctlr = read_sysreg(sctlr_el2);
    probe_expect_eq(ctx, "SCTLR_EL2", sctlr, SCTLR_EL2_KERNEL);
    probe_expect_eq(ctx, "HCR_EL2", read_sysreg(hcr_el2), HCR_EL2_KERNEL);
    probe_expect_eq(ctx, "VBAR_EL2", read_sysreg(vbar_el2), (uint64_t)(uintptr_t)el2_vectors);
    probe_expect_eq(ctx, "TTBR0_EL2", read_sysreg(ttbr0_el2), mmu_root());
    /* The identity map must really be in use: our own code is normal
     * memory in the tables, and an address translates to itself. */
    uint64_t self = (uint64_t)(uintptr_t)&el2;
    if (!mmu_is_normal(self, 4))
        probe_fail(ctx, "kernel text 0x%lx is not mapped as memory", (unsigned long)self);
    __asm__ volatile("at s1e2r, %0" ::"r"(self));
    isb();
    uint64_t par = read_sysreg(par_el1);
    if (par & 1)
        probe_fail(ctx, "AT S1E2R of 0x%lx faulted: PAR_EL1=0x%lx", (unsigned long)self,
                   (unsigned long)par);
    else
        probe_expect_eq(ctx, "PAR_EL1.PA", par & 0x0000fffffffff000ull, self & ~0xfffull);
}
PROBE("cpu.el2", el2);
