/* create_sm (spec 4.10) and ctrl_sm (4.15) without a second EC. */
#include "util.h"
#include "libnova/timing.h"

static void create_success(struct nova_probe_ctx *ctx)
{
    /* The counter starts at cnt; the capability has UP and DN. */
    nova_sel sm = sm_new(ctx, 3);
    if (!sm)
        return;
    nova_expect_eq(ctx, "downs that succeed on cnt=3", sm_drain(sm, 10), 3);
    nova_expect_status(ctx, "up", nova_sm_up(sm), NOVA_SUCCESS);
    nova_expect_eq(ctx, "downs after one up", sm_drain(sm, 10), 1);
}
NOVA_PROBE("create_sm.success_counter", create_success);

static void create_sel_not_null(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    nova_expect_status(ctx, "create_sm over an SM", nova_create_sm(sm, nova_rt.pd, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "create_sm over SEL_NUM-3",
                       nova_create_sm(nova_rt.pd, nova_rt.pd, 0), NOVA_BAD_CAP);
}
NOVA_PROBE("create_sm.bad_cap_sel_not_null", create_sel_not_null);

static void create_bad_pd(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_sm = cap_copy(ctx, nova_rt.pd, NOVA_PERM_PD_ALL & ~NOVA_PERM_PD_SM);
    if (!sm || !no_sm)
        return;
    nova_expect_status(ctx, "pd = CAP0", nova_create_sm(nova_sel_alloc(0), nova_sel_alloc(0), 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd = an SM", nova_create_sm(nova_sel_alloc(0), sm, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd without SM", nova_create_sm(nova_sel_alloc(0), no_sm, 0),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("create_sm.bad_cap_pd", create_bad_pd);

static void up_down(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    for (int i = 0; i < 3; i++)
        if (!nova_expect_status(ctx, "up", nova_sm_up(sm), NOVA_SUCCESS))
            return;
    for (int i = 0; i < 3; i++)
        if (!nova_expect_status(ctx, "down after up", nova_sm_down(sm, STC_PAST), NOVA_SUCCESS))
            return;
    nova_expect_status(ctx, "down on 0", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
}
NOVA_PROBE("ctrl_sm.up_down_counting", up_down);

static void timeout_past(struct nova_probe_ctx *ctx)
{
    /* A timeout the STC has already passed ends the down at once. */
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    nova_expect_status(ctx, "down, stc=1", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    nova_expect_status(ctx, "down, stc=now", nova_sm_down(sm, nova_stc()), NOVA_TIMEOUT);
}
NOVA_PROBE("ctrl_sm.timeout_past", timeout_past);

static void timeout_future(struct nova_probe_ctx *ctx)
{
    /* The caller wakes with TIMEOUT once the STC reaches the timeout. */
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    uint64_t deadline = nova_stc() + nova_stc_ms(20);
    unsigned s = nova_sm_down(sm, deadline);
    uint64_t now = nova_stc();
    nova_expect_status(ctx, "down, stc=now+20ms", s, NOVA_TIMEOUT);
    if (now < deadline)
        nova_fail(ctx, "woke %lu ticks before the timeout", (unsigned long)(deadline - now));
}
NOVA_PROBE("ctrl_sm.timeout_future", timeout_future);

static void down_zero(struct nova_probe_ctx *ctx)
{
    /* Z: a down sets the counter to 0 instead of decrementing it. */
    nova_sel sm = sm_new(ctx, 5);
    if (!sm)
        return;
    nova_expect_status(ctx, "down Z on 5",
                       nova_ctrl_sm(sm, NOVA_CTRL_SM_D | NOVA_CTRL_SM_Z, STC_PAST), NOVA_SUCCESS);
    nova_expect_eq(ctx, "downs left", sm_drain(sm, 10), 0);
    nova_expect_status(ctx, "down Z on 0",
                       nova_ctrl_sm(sm, NOVA_CTRL_SM_D | NOVA_CTRL_SM_Z, STC_PAST), NOVA_TIMEOUT);
}
NOVA_PROBE("ctrl_sm.down_zero", down_zero);

static void up_overflow(struct nova_probe_ctx *ctx)
{
    /* An up that would wrap the 64-bit counter fails and changes nothing. */
    nova_sel sm = sm_new(ctx, ~(uint64_t)0 - 1);
    if (!sm)
        return;
    nova_expect_status(ctx, "up to 2^64-1", nova_sm_up(sm), NOVA_SUCCESS);
    nova_expect_status(ctx, "up at 2^64-1", nova_sm_up(sm), NOVA_OVRFLOW);
    nova_expect_status(ctx, "down after OVRFLOW", nova_sm_down(sm, STC_PAST), NOVA_SUCCESS);
    nova_expect_status(ctx, "up at 2^64-2", nova_sm_up(sm), NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_sm.ovrflow", up_overflow);

static void bad_cap(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 1);
    nova_sel up_only = cap_copy(ctx, sm, NOVA_PERM_SM_UP);
    nova_sel dn_only = cap_copy(ctx, sm, NOVA_PERM_SM_DN);
    if (!sm || !up_only || !dn_only)
        return;
    nova_sel null = nova_sel_alloc(0);
    nova_expect_status(ctx, "up on CAP0", nova_sm_up(null), NOVA_BAD_CAP);
    nova_expect_status(ctx, "down on CAP0", nova_sm_down(null, STC_PAST), NOVA_BAD_CAP);
    nova_expect_status(ctx, "up on a PD", nova_sm_up(nova_rt.pd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "down on a PD", nova_sm_down(nova_rt.pd, STC_PAST), NOVA_BAD_CAP);
    nova_expect_status(ctx, "up without CTRL_UP", nova_sm_up(dn_only), NOVA_BAD_CAP);
    nova_expect_status(ctx, "down without CTRL_DN", nova_sm_down(up_only, STC_PAST), NOVA_BAD_CAP);
    nova_expect_status(ctx, "up with CTRL_UP", nova_sm_up(up_only), NOVA_SUCCESS);
    nova_expect_status(ctx, "down with CTRL_DN", nova_sm_down(dn_only, STC_PAST), NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_sm.bad_cap", bad_cap);
