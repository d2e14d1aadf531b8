/* ctrl_hw (spec 4.16), assign_int (4.17), assign_dev (4.18) and the
 * hypercall numbers themselves (4.1). */
#include "util.h"
#include "libnova/boot.h"
#include "libnova/child.h"

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

static void hw_bad_par(struct nova_probe_ctx *ctx)
{
    /* OP 1..3 and 8..15 are not defined. */
    for (unsigned op = 1; op < 16; op++) {
        if (op >= NOVA_HW_OP_QOS && op <= NOVA_HW_OP_MBA)
            continue;
        unsigned s = nova_ctrl_hw(op, 0);
        if (s != NOVA_BAD_PAR)
            nova_fail(ctx, "OP=%u: expected=BAD_PAR got=%s", op, nova_status_name(s));
    }
}
NOVA_PROBE("ctrl_hw.bad_par_op_reserved", hw_bad_par);

static void hw_qos(struct nova_probe_ctx *ctx)
{
#if defined(__aarch64__)
    /* Any QOS operation is unsupported on aarch64. */
    nova_expect_status(ctx, "OP=4", nova_ctrl_hw(NOVA_HW_OP_QOS, 0), NOVA_BAD_FTR);
    nova_expect_status(ctx, "OP=5", nova_ctrl_hw(NOVA_HW_OP_CAT_L3, nova_hw_cat(0, 1)), NOVA_BAD_FTR);
#else
    /* Capacity masks before the (one-time) QOS configuration: ABORTED where
     * the CPU has RDT allocation (CPUID.(7,0):EBX[15]), else unsupported. */
    uint32_t a = 7, b, c = 0, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    unsigned want = b & (1u << 15) ? NOVA_ABORTED : NOVA_BAD_FTR;
    nova_expect_status(ctx, "OP=5 before OP=4", nova_ctrl_hw(NOVA_HW_OP_CAT_L3, nova_hw_cat(0, 1)), want);
#endif
}
NOVA_PROBE("ctrl_hw.qos_unconfigured", hw_qos);

/* A handler in a child PD making a root-only call; its status is noted. */
static unsigned child_status;

static uint32_t child_calls(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)mtd;
    if (pid == 1)
        child_status = nova_ctrl_hw(1, 0);     /* a reserved OP: harmless if misjudged */
    else
        child_status = nova_assign_dev(0, 0, 0);
    return 0;
}

static void non_root(struct nova_probe_ctx *ctx)
{
    /* ctrl_hw and assign_dev from any PD but the root: BAD_HYP. */
    struct nova_child c;
    unsigned s = nova_child_create(&c);
    if (!s)
        s = nova_child_map_image(&c);
    struct nova_ec_attr a = {.pd = c.pd, .cpu = NOVA_EC_CPU_BSP};
    struct nova_ec *ec;
    nova_sel pt;
    if (!s)
        s = nova_ec_create(&ec, &a, child_calls, 0, 0);
    if (!s)
        s = nova_pt_create(&pt, ec, 0, 0);
    if (!nova_expect_status(ctx, "child PD, EC and portal (setup)", s, NOVA_SUCCESS))
        return;
    for (uint64_t pid = 1; pid <= 2; pid++) {
        uint32_t mtd = 0;
        child_status = 0xFF;
        if (!nova_expect_status(ctx, "ctrl_pt", nova_ctrl_pt(pt, pid, 0), NOVA_SUCCESS) ||
            !nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
            return;
        nova_expect_status(ctx, pid == 1 ? "ctrl_hw from a child" : "assign_dev from a child",
                           child_status, NOVA_BAD_HYP);
    }
}
NOVA_PROBE("ctrl_hw.bad_hyp_non_root", non_root);

static nova_sel int_sm(struct nova_probe_ctx *ctx, unsigned index, unsigned pmm)
{
    nova_sel sel = nova_sel_alloc(0);
    unsigned s = nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj, NOVA_SEL_INT_SM_BASE + index, 0,
                              sel, pmm, 0);
    return nova_expect_status(ctx, "pull an interrupt SM", s, NOVA_SUCCESS) ? sel : 0;
}

static void int_checks(struct nova_probe_ctx *ctx)
{
    const struct nova_hip *h = nova_rt.hip;
    if (!h->int_pin)
        SKIP_RETURN(ctx, "no pin interrupts (INT_PIN = 0)");
    unsigned pin = h->int_pin - 1u;   /* the last pin: least likely in use */
    nova_sel sm = int_sm(ctx, pin, NOVA_PERM_BITS);
    nova_sel no_assign = int_sm(ctx, pin, NOVA_PERM_SM_DN);
    nova_sel regular = sm_new(ctx, 0);
    if (!sm || !no_assign || !regular)
        return;
    unsigned m = NOVA_ASSIGN_INT_M;
    nova_expect_status(ctx, "regular SM", nova_assign_int(regular, m, nova_rt.cpu, 0, 0, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "CAP0", nova_assign_int(nova_sel_alloc(0), m, nova_rt.cpu, 0, 0, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "without ASSIGN", nova_assign_int(no_assign, m, nova_rt.cpu, 0, 0, 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "cpu = CPU_NUM", nova_assign_int(sm, m, h->cpu_num, 0, 0, 0), NOVA_BAD_CPU);
    uint32_t addr = 0xFFFFFFFF;
    uint16_t data = 0xFFFF;
    if (nova_expect_status(ctx, "masked pin on the BSP", nova_assign_int(sm, m, nova_rt.cpu, 0, &addr, &data),
                           NOVA_SUCCESS)) {
        nova_expect_eq(ctx, "msi_addr of a pin", addr, 0);
        nova_expect_eq(ctx, "msi_data of a pin", data, 0);
    }
}
NOVA_PROBE("assign_int.checks", int_checks);

static void dev_bad_cap(struct nova_probe_ctx *ctx)
{
    nova_expect_status(ctx, "dma = CAP0", nova_assign_dev(nova_sel_alloc(0), 0, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "dma = the root object space", nova_assign_dev(nova_rt.root_obj, 0, 0),
                       NOVA_BAD_CAP);
    if (!(nova_rt.hip->features & NOVA_HIP_FTR_IOMMU))
        return;
    /* With an IOMMU: a DMA space, but no SMMU/IOMMU at physical 0. */
    nova_sel pd = nova_sel_alloc(0), dma = nova_sel_alloc(0);
    if (nova_expect_status(ctx, "create_pd", nova_create_pd(pd, nova_rt.pd, NOVA_PD_OP_PD), NOVA_SUCCESS) &&
        nova_expect_status(ctx, "DMA space", nova_create_pd(dma, pd, NOVA_PD_OP_DMA), NOVA_SUCCESS))
        nova_expect_status(ctx, "smmu = 0", nova_assign_dev(dma, 0, 0), NOVA_BAD_DEV);
}
NOVA_PROBE("assign_dev.checks", dev_bad_cap);
