/* The hypercall interface itself: numbers (spec 4.1) and the registers
 * the calling convention keeps (6.2, 6.3). */
#include "util.h"

static void bad_hyp(struct nova_probe_ctx *ctx)
{
    /* 0xF is reserved; its status is BAD_HYP ("invalid hypercall"). */
    for (unsigned flags = 0; flags < 16; flags += 15) {
        unsigned s = nova_hc(nova_hc_p0(NOVA_HC_RESERVED, flags, nova_sel_alloc(0)), 0, 0, 0, 0, 0, 0);
        if (s != NOVA_BAD_HYP)
            nova_fail(ctx, "hypercall 0xF flags 0x%x: expected=BAD_HYP got=%s", flags,
                      nova_status_name(s));
    }
}
NOVA_PROBE("hypercall.bad_hyp_reserved", bad_hyp);

static void unchanged(struct nova_probe_ctx *ctx)
{
    /* Registers the calling convention marks "unchanged" (6.2, 6.3). */
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    struct nova_regs r = {{nova_hc_p0(NOVA_HC_CREATE_SM, 0, nova_sel_alloc(0)), nova_rt.pd, 5, 0, 0}};
    if (nova_expect_status(ctx, "create_sm", nova_hc_regs(&r), NOVA_SUCCESS)) {
        nova_expect_eq(ctx, "create_sm: 2nd register", r.p[1], nova_rt.pd);
        nova_expect_eq(ctx, "create_sm: 3rd register", r.p[2], 5);
    }
    nova_sel dst = nova_sel_alloc(0);
    uint64_t ssb = nova_pack_ssb_ord(sm, 0), dsb = nova_pack_dsb_pmm(dst, 3);
    r = (struct nova_regs){{nova_hc_p0(NOVA_HC_CTRL_PD, 0, nova_rt.root_obj), nova_rt.root_obj, ssb, dsb,
                            0x1234}};
    if (nova_expect_status(ctx, "ctrl_pd", nova_hc_regs(&r), NOVA_SUCCESS)) {
        nova_expect_eq(ctx, "ctrl_pd: 2nd register", r.p[1], nova_rt.root_obj);
        nova_expect_eq(ctx, "ctrl_pd: 3rd register", r.p[2], ssb);
        nova_expect_eq(ctx, "ctrl_pd: 4th register", r.p[3], dsb);
        nova_expect_eq(ctx, "ctrl_pd: 5th register", r.p[4], 0x1234);
    }
    r = (struct nova_regs){{nova_hc_p0(NOVA_HC_CTRL_SM, 0, sm), 0x77, 0, 0, 0}};
    if (nova_expect_status(ctx, "ctrl_sm up", nova_hc_regs(&r), NOVA_SUCCESS))
        nova_expect_eq(ctx, "ctrl_sm: 2nd register", r.p[1], 0x77);
}
NOVA_PROBE("hypercall.unchanged_registers", unchanged);
