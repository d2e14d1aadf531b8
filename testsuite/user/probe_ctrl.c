/* ctrl_ec (spec 4.12), ctrl_sc (4.13) and ctrl_pt (4.14). */
#include "util.h"
#include "libnova/boot.h"
#include "libnova/monitor.h"

static void recall_self(struct nova_probe_ctx *ctx)
{
    /* The root EC recalls itself: it raises RECALL (SEL_EVT + SEL_ARCH + 1,
     * the monitor's portal) before it leaves the kernel again. */
    if (!nova_monitor_active())
        FAIL_RETURN(ctx, "needs the root monitor (its setup failed)");
    unsigned before = nova_monitor_recalls;
    nova_expect_status(ctx, "weak recall", nova_ctrl_ec(nova_rt.ec, 0), NOVA_SUCCESS);
    nova_expect_eq(ctx, "RECALL events after the weak recall", nova_monitor_recalls - before, 1);
    nova_expect_status(ctx, "strong recall", nova_ctrl_ec(nova_rt.ec, NOVA_CTRL_EC_S), NOVA_SUCCESS);
    nova_expect_eq(ctx, "RECALL events after both", nova_monitor_recalls - before, 2);
}
NOVA_PROBE("ctrl_ec.recall_self", recall_self);

static void ec_bad_cap(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    if (!nova_expect_status(ctx, "global EC (setup)", global_ec_new(&ec), NOVA_SUCCESS))
        return;
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_ctrl = cap_copy(ctx, ec->sel, NOVA_PERM_EC_ALL & ~NOVA_PERM_EC_CTRL);
    if (!sm || !no_ctrl)
        return;
    nova_expect_status(ctx, "ec = CAP0", nova_ctrl_ec(nova_sel_alloc(0), 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "ec = an SM", nova_ctrl_ec(sm, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "ec without CTRL", nova_ctrl_ec(no_ctrl, 0), NOVA_BAD_CAP);
}
NOVA_PROBE("ctrl_ec.bad_cap", ec_bad_cap);

static void sc_root(struct nova_probe_ctx *ctx)
{
    /* The root SC's consumed time grows while the root runs. */
    uint64_t a = 0, b = 0;
    if (!nova_expect_status(ctx, "ctrl_sc", nova_ctrl_sc(nova_rt.sc, &a), NOVA_SUCCESS))
        return;
    for (volatile unsigned i = 0; i < 2000000; i++)
        ;
    if (!nova_expect_status(ctx, "ctrl_sc again", nova_ctrl_sc(nova_rt.sc, &b), NOVA_SUCCESS))
        return;
    if (!a || b <= a)
        nova_fail(ctx, "consumed time 0x%lx then 0x%lx does not grow", (unsigned long)a,
                  (unsigned long)b);
}
NOVA_PROBE("ctrl_sc.consumed_time", sc_root);

static void sc_bad_cap(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    nova_sel masked = cap_copy(ctx, nova_rt.sc, NOVA_PERM_BITS & ~NOVA_PERM_SC_CTRL);
    if (!sm)
        return;
    uint64_t t;
    nova_expect_status(ctx, "sc = CAP0", nova_ctrl_sc(nova_sel_alloc(0), &t), NOVA_BAD_CAP);
    nova_expect_status(ctx, "sc = an SM", nova_ctrl_sc(sm, &t), NOVA_BAD_CAP);
    nova_expect_status(ctx, "sc = an EC", nova_ctrl_sc(nova_rt.ec, &t), NOVA_BAD_CAP);
    nova_expect_status(ctx, "sc without CTRL (CAP0)", nova_ctrl_sc(masked, &t), NOVA_BAD_CAP);
}
NOVA_PROBE("ctrl_sc.bad_cap", sc_bad_cap);

static uint64_t pid_seen;

static uint32_t note(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)mtd;
    pid_seen = pid;
    return 0;
}

static void pt_pid(struct nova_probe_ctx *ctx)
{
    /* Later traversals see the new PID. */
    struct nova_ec *ec;
    nova_sel pt;
    if (!nova_expect_status(ctx, "setup", local_portal(&ec, &pt, note, 0, 0), NOVA_SUCCESS))
        return;
    const uint64_t pids[] = {1, 0x8000000000000001ull, ~(uint64_t)0, 0};
    for (unsigned i = 0; i < 4; i++) {
        uint32_t mtd = 0;
        if (!nova_expect_status(ctx, "ctrl_pt", nova_ctrl_pt(pt, pids[i], 0), NOVA_SUCCESS) ||
            !nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS) ||
            !nova_expect_eq(ctx, "PID at the handler", pid_seen, pids[i]))
            return;
    }
}
NOVA_PROBE("ctrl_pt.sets_pid", pt_pid);

static void pt_bad_cap(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    nova_sel pt;
    if (!nova_expect_status(ctx, "setup", local_portal(&ec, &pt, note, 0, 0), NOVA_SUCCESS))
        return;
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_ctrl = cap_copy(ctx, pt, NOVA_PERM_PT_ALL & ~NOVA_PERM_PT_CTRL);
    if (!sm || !no_ctrl)
        return;
    nova_expect_status(ctx, "pt = CAP0", nova_ctrl_pt(nova_sel_alloc(0), 1, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pt = an SM", nova_ctrl_pt(sm, 1, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pt without CTRL", nova_ctrl_pt(no_ctrl, 1, 0), NOVA_BAD_CAP);
    uint32_t mtd = 0;
    nova_expect_status(ctx, "the copy still calls", nova_ipc_call(no_ctrl, 0, &mtd), NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_pt.bad_cap", pt_bad_cap);
