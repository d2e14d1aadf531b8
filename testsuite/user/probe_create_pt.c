/* create_pt (spec 4.9). */
#include "util.h"

static uint64_t last_pid;

static uint32_t note_pid(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)mtd;
    last_pid = pid;
    return 0;
}

static unsigned pt_for(nova_sel pd, nova_sel ec)
{
    return nova_create_pt(nova_sel_alloc(0), pd, ec, (uintptr_t)nova_portal_entry);
}

static void success(struct nova_probe_ctx *ctx)
{
    /* A new portal has PID 0, and CTRL, CALL and EVENT. */
    struct nova_ec *ec;
    if (!nova_expect_status(ctx, "local EC", nova_ec_local(&ec, note_pid, 0), NOVA_SUCCESS))
        return;
    nova_sel pt = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "create_pt",
                            nova_create_pt(pt, nova_rt.pd, ec->sel, (uintptr_t)nova_portal_entry),
                            NOVA_SUCCESS))
        return;
    last_pid = 0xBAD;
    uint32_t mtd = 0;
    if (nova_expect_status(ctx, "ipc_call (CALL)", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        nova_expect_eq(ctx, "initial PID", last_pid, 0);
    nova_expect_status(ctx, "ctrl_pt (CTRL)", nova_ctrl_pt(pt, 1, 0), NOVA_SUCCESS);
    nova_expect_status(ctx, "second portal to the same EC", pt_for(nova_rt.pd, ec->sel), NOVA_SUCCESS);
}
NOVA_PROBE("create_pt.success", success);

static void global_ec(struct nova_probe_ctx *ctx)
{
    /* Portals bind only to local threads. */
    struct nova_ec *ec;
    if (nova_expect_status(ctx, "global EC", global_ec_new(&ec), NOVA_SUCCESS))
        nova_expect_status(ctx, "create_pt to a global EC", pt_for(nova_rt.pd, ec->sel), NOVA_BAD_CAP);
    nova_expect_status(ctx, "create_pt to the root EC", pt_for(nova_rt.pd, nova_rt.ec), NOVA_BAD_CAP);
}
NOVA_PROBE("create_pt.bad_cap_global_ec", global_ec);

static void bad_caps(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    if (!nova_expect_status(ctx, "local EC", nova_ec_local(&ec, note_pid, 0), NOVA_SUCCESS))
        return;
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_bind = cap_copy(ctx, ec->sel, NOVA_PERM_EC_ALL & ~NOVA_PERM_EC_BIND_PT);
    nova_sel no_pt = cap_copy(ctx, nova_rt.pd, NOVA_PERM_PD_ALL & ~NOVA_PERM_PD_PT);
    if (!sm || !no_bind || !no_pt)
        return;
    nova_expect_status(ctx, "ec = CAP0", pt_for(nova_rt.pd, nova_sel_alloc(0)), NOVA_BAD_CAP);
    nova_expect_status(ctx, "ec = an SM", pt_for(nova_rt.pd, sm), NOVA_BAD_CAP);
    nova_expect_status(ctx, "ec without BIND_PT", pt_for(nova_rt.pd, no_bind), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd = an SM", pt_for(sm, ec->sel), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd without PT", pt_for(no_pt, ec->sel), NOVA_BAD_CAP);
    nova_expect_status(ctx, "sel holds an SM", nova_create_pt(sm, nova_rt.pd, ec->sel, 0),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("create_pt.bad_cap", bad_caps);
