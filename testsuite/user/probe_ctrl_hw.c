/* ctrl_hw (spec 4.16) and the root-PD-only rule (4.3). */
#include "util.h"
#include "libnova/child.h"

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

/* Runs the call selected by pid in an EC of a fresh child PD. */
static void from_child(struct nova_probe_ctx *ctx, uint64_t pid, const char *what)
{
    struct nova_child c;
    struct nova_ec *ec;
    nova_sel pt;
    unsigned s = nova_child_create_with_image(&c);
    if (!s)
        s = nova_child_portal(&c, child_calls, 0, &ec, &pt);
    if (!nova_expect_status(ctx, "child PD, EC and portal (setup)", s, NOVA_SUCCESS))
        return;
    uint32_t mtd = 0;
    child_status = 0xFF;
    if (nova_expect_status(ctx, "ctrl_pt", nova_ctrl_pt(pt, pid, 0), NOVA_SUCCESS) &&
        nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        nova_expect_status(ctx, what, child_status, NOVA_BAD_HYP);
}

static void hw_non_root(struct nova_probe_ctx *ctx)
{
    /* Root-PD-only calls return BAD_HYP anywhere else (4.3). */
    from_child(ctx, 1, "ctrl_hw from a child PD");
}
NOVA_PROBE("ctrl_hw.bad_hyp_non_root", hw_non_root);

static void dev_non_root(struct nova_probe_ctx *ctx)
{
    from_child(ctx, 2, "assign_dev from a child PD");
}
NOVA_PROBE("assign_dev.bad_hyp_non_root", dev_non_root);
