/* One typed wrapper per hypercall (spec 4.4-4.18). Each returns the status
 * (enum nova_status); outputs go through pointers. Flags are the values of
 * the 4-bit flag field (NOVA_EC_G, NOVA_CTRL_SM_D, ...). Inline so latency
 * probes time the hypercall, not a call into the library. ipc_reply has no
 * C wrapper: it never returns, so portal entry code issues it (entry.S). */
#pragma once
#include <stdint.h>
#include "libnova/hc_raw.h"
#include "nova/status.h"
#include "nova/hypercall.h"
#include "nova/pack.h"
#include "nova/selectors.h"

/* ipc_call: mtd is the regular MTD in and the reply's MTD out. */
NOVA_INLINE unsigned nova_ipc_call(nova_sel pt, unsigned flags, uint32_t *mtd)
{
    uint64_t out = 0;
    unsigned s = nova_hc(nova_hc_p0(NOVA_HC_IPC_CALL, flags, pt), *mtd, 0, 0, 0, &out, 0);
    *mtd = (uint32_t)out;
    return s;
}

NOVA_INLINE unsigned nova_create_pd(nova_sel sel, nova_sel pd, unsigned op)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CREATE_PD, op, sel), pd, 0, 0, 0, 0, 0);
}

/* utcb: the page-aligned HVA of the UTCB (host EC) or vAPIC page (VMX vCPU). */
NOVA_INLINE unsigned nova_create_ec(nova_sel sel, nova_sel pd, unsigned flags, uint64_t utcb,
                                      unsigned cpu, uint64_t sp, nova_sel evt)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CREATE_EC, flags, sel), pd,
                   nova_pack_hvp_cpu(utcb, cpu), sp, evt, 0, 0);
}

/* scd: nova_scd(budget_ms, prio, cos). */
NOVA_INLINE unsigned nova_create_sc(nova_sel sel, nova_sel pd, nova_sel ec, uint64_t scd)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CREATE_SC, 0, sel), pd, ec, scd, 0, 0, 0);
}

NOVA_INLINE unsigned nova_create_pt(nova_sel sel, nova_sel pd, nova_sel ec, uint64_t ip)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CREATE_PT, 0, sel), pd, ec, ip, 0, 0, 0);
}

NOVA_INLINE unsigned nova_create_sm(nova_sel sel, nova_sel pd, uint64_t cnt)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CREATE_SM, 0, sel), pd, cnt, 0, 0, 0, 0);
}

/* Delegation: 2^ord slots from ssb in src to dsb in dst, permissions ANDed
 * with pmm; mad only when src is the NOVA host space. */
NOVA_INLINE unsigned nova_ctrl_pd(nova_sel src, nova_sel dst, uint64_t ssb, unsigned ord,
                                    uint64_t dsb, unsigned pmm, uint32_t mad)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CTRL_PD, 0, src), dst, nova_pack_ssb_ord(ssb, ord),
                   nova_pack_dsb_pmm(dsb, pmm), mad, 0, 0);
}

/* Recall; flags NOVA_CTRL_EC_S for a strong one. */
NOVA_INLINE unsigned nova_ctrl_ec(nova_sel ec, unsigned flags)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CTRL_EC, flags, ec), 0, 0, 0, 0, 0, 0);
}

/* The SC's consumed time as an STC value. */
NOVA_INLINE unsigned nova_ctrl_sc(nova_sel sc, uint64_t *stc)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CTRL_SC, 0, sc), 0, 0, 0, 0, stc, 0);
}

NOVA_INLINE unsigned nova_ctrl_pt(nova_sel pt, uint64_t pid, uint32_t mtd)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CTRL_PT, 0, pt), pid, mtd, 0, 0, 0, 0);
}

/* flags: NOVA_CTRL_SM_D (down), NOVA_CTRL_SM_Z (down to zero); stc is an
 * absolute timeout for down, 0 = none. */
NOVA_INLINE unsigned nova_ctrl_sm(nova_sel sm, unsigned flags, uint64_t stc)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CTRL_SM, flags, sm), stc, 0, 0, 0, 0, 0);
}

NOVA_INLINE unsigned nova_sm_up(nova_sel sm)
{
    return nova_ctrl_sm(sm, 0, 0);
}

NOVA_INLINE unsigned nova_sm_down(nova_sel sm, uint64_t stc)
{
    return nova_ctrl_sm(sm, NOVA_CTRL_SM_D, stc);
}

/* desc: 56-bit descriptor (nova/ctrl_hw.h). */
NOVA_INLINE unsigned nova_ctrl_hw(unsigned op, uint64_t desc)
{
    return nova_hc(nova_hc_p0(NOVA_HC_CTRL_HW, op, desc), 0, 0, 0, 0, 0, 0);
}

/* flags: NOVA_ASSIGN_INT_M/T/P/G; dev: PCI BDF (x86) or SID (Arm).
 * msi_addr/msi_data may be 0. */
NOVA_INLINE unsigned nova_assign_int(nova_sel sm, unsigned flags, unsigned cpu, unsigned dev,
                                       uint32_t *msi_addr, uint16_t *msi_data)
{
    uint64_t a = 0, d = 0;
    unsigned s = nova_hc(nova_hc_p0(NOVA_HC_ASSIGN_INT, flags, sm), cpu & 0xFFFFu,
                         dev & 0xFFFFu, 0, 0, &a, &d);
    if (msi_addr)
        *msi_addr = (uint32_t)a;
    if (msi_data)
        *msi_data = (uint16_t)d;
    return s;
}

NOVA_INLINE unsigned nova_assign_dev(nova_sel dma, uint64_t smmu, uint64_t dad)
{
    return nova_hc(nova_hc_p0(NOVA_HC_ASSIGN_DEV, 0, dma), nova_pack_smmu(smmu), dad, 0, 0, 0, 0);
}
