/* The EL2 controls for running host ECs at EL0 (interface §9): stage 1
 * off and the host space as stage-2 table (HCR_EL2 = RW|TGE|DC|VM|IMO,
 * so every EL0 exception and IRQ comes to EL2), EL0 may read CNTVCT_EL0
 * (offset 0: = STC) but CNTPCT_EL0, the timers, PMU and debug registers
 * trap (EC 0x18 events), WFI/WFE trap (EC 0x01), FP/SIMD per fpu.c. Set
 * on each CPU's first switch to an EC: the probes run before with
 * HCR_EL2 = RW|IMO. TPIDR_EL2 (the kernel stack) is set at boot. */
#include "aarch64.h"
#include "cpu_local.h"
#include "hpt.h"
#include "panic.h"
#include "sysreg.h"

#define HCR_VM (1ull << 0)
#define HCR_DC (1ull << 12)
#define HCR_TGE (1ull << 27)
/* TGE routes physical IRQs to EL2 as if IMO were set; IMO says so anyway. */
#define HCR_HOST (HCR_RW | HCR_TGE | HCR_DC | HCR_VM | HCR_IMO)

/* VTCR_EL2: 4 KiB granule, walks inner-shareable write-back, 40-bit
 * IPA starting at level 1 (two concatenated tables), 8-bit VMIDs. */
#define VTCR_RES1 (1ull << 31)
#define VTCR_T0SZ (64 - HPT_USER_BITS)
#define VTCR_SL0_L1 (1ull << 6)
#define VTCR_WALK ((1ull << 8) | (1ull << 10) | (3ull << 12))   /* IRGN0, ORGN0 WB; SH0 inner */
#define VTCR_PS_SHIFT 16

/* SCTLR_EL1 as EL0 sees it with TGE (M reads as 0): cache maintenance,
 * CTR_EL0 and DC ZVA allowed, SP alignment checked, WFI/WFE trapped. */
#define SCTLR_EL1_RES1 0x30d00800ull
#define SCTLR_EL1_HOST (SCTLR_EL1_RES1 | 1ull << 26 /* UCI */ | 1ull << 15 /* UCT */ | \
                        1ull << 14 /* DZE */ | 1ull << 12 /* I */ | 1ull << 4 /* SA0 */ | \
                        1ull << 3 /* SA */ | 1ull << 2 /* C */)

#define CPACR_FPEN (3ull << 20)          /* no FP trap to EL1; EL2 decides (fpu.c) */
#define CNTKCTL_EL0VCTEN (1ull << 1)

/* MDCR_EL2: PMU (TPM, TPMCR) and debug registers (TDA, TDOSA, TDRA)
 * trap; debug exceptions to EL2 (TDE); HPMN keeps all counters. */
#define MDCR_TRAPS ((1ull << 5) | (1ull << 6) | (1ull << 8) | (1ull << 9) | (1ull << 10) | \
                    (1ull << 11))

void el0_setup(void)
{
    unsigned parange = (unsigned)(read_sysreg(ID_AA64MMFR0_EL1) & 0xf);
    if (parange < 2)
        panic("el0: host spaces need 40-bit IPAs; this CPU has PARange %u", parange);
    uint64_t hpmn = 0;
    unsigned pmuver = (unsigned)(read_sysreg(ID_AA64DFR0_EL1) >> 8) & 0xf;
    if (pmuver && pmuver != 0xf)
        hpmn = (read_sysreg(pmcr_el0) >> 11) & 0x1f;

    write_sysreg(vtcr_el2, VTCR_RES1 | (uint64_t)(parange > 5 ? 5 : parange) << VTCR_PS_SHIFT |
                               VTCR_WALK | VTCR_SL0_L1 | VTCR_T0SZ);
    write_sysreg(sctlr_el1, SCTLR_EL1_HOST);
    write_sysreg(cpacr_el1, CPACR_FPEN);
    write_sysreg(mdscr_el1, 0);
    write_sysreg(cntkctl_el1, CNTKCTL_EL0VCTEN);
    write_sysreg(cntvoff_el2, 0);
    write_sysreg(cnthctl_el2, 0);
    write_sysreg(cntv_ctl_el0, 0);
    write_sysreg(mdcr_el2, MDCR_TRAPS | hpmn);
    write_sysreg(hstr_el2, 0);
    fpu_init();
    write_sysreg(hcr_el2, HCR_HOST);
    isb();
    cpu_self()->el0_ready = true;
}
