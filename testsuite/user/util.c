/* Probe helpers (util.h). */
#include "util.h"
#include "libnova/delegate.h"
#include "libnova/state.h"
#include "nova/event.h"
#include "nova/perm.h"

nova_sel sm_new(struct nova_probe_ctx *ctx, uint64_t cnt)
{
    nova_sel sel = nova_sel_alloc(0);
    unsigned s = nova_create_sm(sel, nova_rt.pd, cnt);
    if (s) {
        nova_expect_status(ctx, "create_sm (setup)", s, NOVA_SUCCESS);
        return 0;
    }
    return sel;
}

nova_sel msi_sm(struct nova_probe_ctx *ctx, unsigned n)
{
    nova_sel sm = nova_sel_alloc(0);
    if (n >= nova_rt.hip->int_msi) {
        nova_fail(ctx, "needs %u MSIs, INT_MSI = %u", n + 1, nova_rt.hip->int_msi);
        return 0;
    }
    unsigned s = nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj,
                              NOVA_SEL_INT_SM_BASE + nova_rt.hip->int_pin + n, 0, sm,
                              NOVA_PERM_BITS, 0);
    return nova_expect_status(ctx, "pull the MSI semaphore", s, NOVA_SUCCESS) ? sm : 0;
}

nova_sel cap_copy(struct nova_probe_ctx *ctx, nova_sel src, unsigned pmm)
{
    nova_sel sel = nova_sel_alloc(0);
    unsigned s = nova_ctrl_pd(nova_rt.root_obj, nova_rt.root_obj, src, 0, sel, pmm, 0);
    if (s) {
        nova_expect_status(ctx, "ctrl_pd copy (setup)", s, NOVA_SUCCESS);
        return 0;
    }
    return sel;
}

unsigned sm_drain(nova_sel sm, unsigned max)
{
    unsigned n = 0;
    while (n < max && nova_sm_down(sm, STC_PAST) == NOVA_SUCCESS)
        n++;
    return n;
}

bool slot_is_null(nova_sel sel)
{
    if (nova_create_sm(sel, nova_rt.pd, 0) != NOVA_SUCCESS)
        return false;
    nova_revoke_obj(sel, 1);
    return true;
}

unsigned quota_in_sms(nova_sel pd, nova_sel base)
{
    unsigned n = 0;
    while (n < QUOTA_SMS_MAX && nova_create_sm(base + n, pd, 0) == NOVA_SUCCESS)
        n++;
    nova_revoke_obj(base, n);
    return n < QUOTA_SMS_MAX ? n : 0;
}

static void nothing(struct nova_ec *ec)
{
    (void)ec;
}

unsigned global_ec_new(struct nova_ec **ec)
{
    struct nova_ec_attr a = {.flags = NOVA_EC_T, .cpu = NOVA_EC_CPU_BSP};
    return nova_ec_create(ec, &a, 0, nothing, 0);
}

unsigned local_portal(struct nova_ec **ec, nova_sel *pt, nova_portal_fn *fn, void *arg,
                      uint64_t pid)
{
    unsigned s = nova_ec_local(ec, fn, arg);
    return s ? s : nova_pt_create(pt, *ec, pid, 0);
}

static uint32_t startup_here(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    nova_state_set_ip((nova_utcb_arch *)ec->utcb, (uintptr_t)nova_thread_entry);
    return NOVA_MTD_IP;
}

unsigned thread_on_cpu(unsigned cpu, nova_thread_fn *fn, void *arg, unsigned prio,
                       nova_portal_fn *recall_fn, struct nova_ec **out)
{
    const struct nova_hip *hip = nova_rt.hip;
    unsigned span = hip->sel_hst_arch + hip->sel_hst_nova, order = 0;
    while ((1u << order) < span)
        order++;
    struct nova_ec_attr h = {.cpu = cpu, .evt = nova_sel_alloc(order)};
    struct nova_ec *handler, *thread;
    unsigned s = nova_ec_create(&handler, &h, startup_here, 0, 0);
    nova_sel evt = nova_sel_alloc(order);
    if (!s)
        s = nova_create_pt(evt + hip->sel_hst_arch + NOVA_EVT_STARTUP, nova_rt.pd, handler->sel,
                           (uintptr_t)nova_portal_entry);
    if (!s)
        s = nova_ctrl_pt(evt + hip->sel_hst_arch + NOVA_EVT_STARTUP,
                         hip->sel_hst_arch + NOVA_EVT_STARTUP, NOVA_MTD_STATE);
    struct nova_ec *recaller;
    if (!s && recall_fn)
        s = nova_ec_create(&recaller, &h, recall_fn, 0, 0);
    if (!s && recall_fn)
        s = nova_create_pt(evt + hip->sel_hst_arch + NOVA_EVT_RECALL, nova_rt.pd, recaller->sel,
                           (uintptr_t)nova_portal_entry);
    struct nova_ec_attr t = {.flags = NOVA_EC_T, .cpu = cpu, .evt = evt};
    if (!s)
        s = nova_ec_create(&thread, &t, 0, fn, arg);
    if (!s)
        s = nova_create_sc(nova_sel_alloc(0), nova_rt.pd, thread->sel, nova_scd(10, prio, 0));
    if (!s && out)
        *out = thread;
    return s;
}
