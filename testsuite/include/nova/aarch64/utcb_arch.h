/* aarch64 architectural UTCB layout (spec 3.8, 0x2E8 bytes), selected by
 * the MTD (nova/aarch64/mtd.h); it overlays the start of the UTCB page.
 * Always available, so host tools can check the layout. */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct nova_utcb_aarch64 {
    uint64_t x[31];             /* X0..X30 (AArch32 banking: spec 3.8) */
    uint64_t sp_el0;
    uint64_t tpidr_el0;
    uint64_t tpidrro_el0;
    uint32_t spsr_abt, spsr_fiq, spsr_irq, spsr_und;
    uint32_t dacr, ifsr, hstr;
    uint32_t reserved_12c;
    uint64_t sp_el1;
    uint64_t tpidr_el1;
    uint64_t contextidr_el1;
    uint64_t elr_el1;
    uint64_t spsr_el1;
    uint64_t esr_el1;
    uint64_t far_el1;
    uint64_t afsr0_el1, afsr1_el1;
    uint64_t ttbr0_el1, ttbr1_el1;
    uint64_t tcr_el1;
    uint64_t mair_el1, amair_el1;
    uint64_t vbar_el1;
    uint64_t sctlr_el1;
    uint64_t mdscr_el1;
    uint64_t reserved_1b8;
    uint64_t hcr_el2, hcrx_el2;
    uint64_t vpidr_el2, vmpidr_el2;
    uint64_t elr_el2;
    uint64_t spsr_el2;          /* host EC: only NZCV is writable */
    uint64_t esr_el2;
    uint64_t far_el2;
    uint64_t hpfar_el2;
    uint64_t reserved_208;
    uint64_t cntv_cval_el0;
    uint64_t cntv_ctl_el0;
    uint64_t cntkctl_el1;
    uint64_t cntvoff_el2;
    uint64_t lr[16];            /* GICv3 ICH_LR<n>_EL2 format (impl.) */
    uint32_t ap0r[4];
    uint32_t ap1r[4];
    uint32_t elrsr;
    uint32_t vmcr;
    uint64_t reserved_2d8;
    uint64_t sel_gst;           /* object selector for SPACES */
};

#define NOVA_A64_UTCB_ARCH_SIZE 0x2E8u

#define NOVA_A64_UTCB_AT(field, off) \
    _Static_assert(offsetof(struct nova_utcb_aarch64, field) == (off), "aarch64 UTCB " #field)
NOVA_A64_UTCB_AT(x[0], 0x000);
NOVA_A64_UTCB_AT(x[1], 0x008);
NOVA_A64_UTCB_AT(x[29], 0x0E8);
NOVA_A64_UTCB_AT(x[30], 0x0F0);
NOVA_A64_UTCB_AT(sp_el0, 0x0F8);
NOVA_A64_UTCB_AT(tpidr_el0, 0x100);
NOVA_A64_UTCB_AT(tpidrro_el0, 0x108);
NOVA_A64_UTCB_AT(spsr_abt, 0x110);
NOVA_A64_UTCB_AT(spsr_fiq, 0x114);
NOVA_A64_UTCB_AT(spsr_irq, 0x118);
NOVA_A64_UTCB_AT(spsr_und, 0x11C);
NOVA_A64_UTCB_AT(dacr, 0x120);
NOVA_A64_UTCB_AT(ifsr, 0x124);
NOVA_A64_UTCB_AT(hstr, 0x128);
NOVA_A64_UTCB_AT(reserved_12c, 0x12C);
NOVA_A64_UTCB_AT(sp_el1, 0x130);
NOVA_A64_UTCB_AT(tpidr_el1, 0x138);
NOVA_A64_UTCB_AT(contextidr_el1, 0x140);
NOVA_A64_UTCB_AT(elr_el1, 0x148);
NOVA_A64_UTCB_AT(spsr_el1, 0x150);
NOVA_A64_UTCB_AT(esr_el1, 0x158);
NOVA_A64_UTCB_AT(far_el1, 0x160);
NOVA_A64_UTCB_AT(afsr0_el1, 0x168);
NOVA_A64_UTCB_AT(afsr1_el1, 0x170);
NOVA_A64_UTCB_AT(ttbr0_el1, 0x178);
NOVA_A64_UTCB_AT(ttbr1_el1, 0x180);
NOVA_A64_UTCB_AT(tcr_el1, 0x188);
NOVA_A64_UTCB_AT(mair_el1, 0x190);
NOVA_A64_UTCB_AT(amair_el1, 0x198);
NOVA_A64_UTCB_AT(vbar_el1, 0x1A0);
NOVA_A64_UTCB_AT(sctlr_el1, 0x1A8);
NOVA_A64_UTCB_AT(mdscr_el1, 0x1B0);
NOVA_A64_UTCB_AT(reserved_1b8, 0x1B8);
NOVA_A64_UTCB_AT(hcr_el2, 0x1C0);
NOVA_A64_UTCB_AT(hcrx_el2, 0x1C8);
NOVA_A64_UTCB_AT(vpidr_el2, 0x1D0);
NOVA_A64_UTCB_AT(vmpidr_el2, 0x1D8);
NOVA_A64_UTCB_AT(elr_el2, 0x1E0);
NOVA_A64_UTCB_AT(spsr_el2, 0x1E8);
NOVA_A64_UTCB_AT(esr_el2, 0x1F0);
NOVA_A64_UTCB_AT(far_el2, 0x1F8);
NOVA_A64_UTCB_AT(hpfar_el2, 0x200);
NOVA_A64_UTCB_AT(reserved_208, 0x208);
NOVA_A64_UTCB_AT(cntv_cval_el0, 0x210);
NOVA_A64_UTCB_AT(cntv_ctl_el0, 0x218);
NOVA_A64_UTCB_AT(cntkctl_el1, 0x220);
NOVA_A64_UTCB_AT(cntvoff_el2, 0x228);
NOVA_A64_UTCB_AT(lr[0], 0x230);
NOVA_A64_UTCB_AT(lr[15], 0x2A8);
NOVA_A64_UTCB_AT(ap0r[0], 0x2B0);
NOVA_A64_UTCB_AT(ap0r[3], 0x2BC);
NOVA_A64_UTCB_AT(ap1r[0], 0x2C0);
NOVA_A64_UTCB_AT(ap1r[3], 0x2CC);
NOVA_A64_UTCB_AT(elrsr, 0x2D0);
NOVA_A64_UTCB_AT(vmcr, 0x2D4);
NOVA_A64_UTCB_AT(reserved_2d8, 0x2D8);
NOVA_A64_UTCB_AT(sel_gst, 0x2E0);
#undef NOVA_A64_UTCB_AT
_Static_assert(sizeof(struct nova_utcb_aarch64) == NOVA_A64_UTCB_ARCH_SIZE, "aarch64 UTCB size");
