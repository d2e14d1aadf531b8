/* Event delivery (spec 5.9, 3.3-3.8): exceptions and STARTUP go to the
 * portal at SEL_EVT + number, with the state the portal's MTD selects; the
 * handler's reply MTD writes state back (or kills with POISON). */
#include "util.h"
#include "libnova/monitor.h"
#include "libnova/state.h"
#include "libnova/timing.h"

/* A thread with its own event selectors and its own handler EC. */
static struct {
    unsigned startups, faults;
    uint64_t pid[2];
    uint32_t mtd[2];
    uint64_t ip, addr;
    bool poison;            /* answer STARTUP with POISON */
} rec;

#define PID_STARTUP 0x5000u
#define PID_UD 0x6000u
#define MTD_UD (NOVA_MTD_IP | NOVA_MTD_FAULT)

static uint32_t handler(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    nova_utcb_arch *u = (nova_utcb_arch *)ec->utcb;
    if (pid == PID_STARTUP) {
        rec.pid[0] = pid;
        rec.mtd[0] = mtd;
        if (rec.startups++ || rec.poison)
            return NOVA_MTD_KILL;
        nova_state_set_ip(u, (uintptr_t)nova_thread_entry);
        return NOVA_MTD_IP;
    }
    rec.pid[1] = pid;
    rec.mtd[1] = mtd;
    rec.ip = nova_state_ip(u);
    rec.addr = nova_state_addr(u);
    if (rec.faults++)
        return NOVA_MTD_KILL;
    nova_state_set_ip(u, rec.ip + NOVA_UD_LEN);
    return NOVA_MTD_IP;
}

static void body(struct nova_ec *ec)
{
    nova_raise_ud();
    nova_sm_up((nova_sel)(uintptr_t)ec->arg);
}

/* SEL_EVT block for a thread; portals as asked (pmm for STARTUP's). */
static bool thread_setup(struct nova_probe_ctx *ctx, struct nova_ec **t, nova_sel *sm,
                         bool startup, unsigned startup_pmm)
{
    rec = (typeof(rec)){0};
    const struct nova_hip *h = nova_rt.hip;
    unsigned order = 0;
    while ((1u << order) < (unsigned)h->sel_hst_arch + h->sel_hst_nova)
        order++;
    nova_sel evt = nova_sel_alloc(order);
    struct nova_ec *hd;
    unsigned s = nova_ec_local(&hd, handler, 0);
    if (!s && startup) {
        nova_sel pt = nova_sel_alloc(0);
        s = nova_create_pt(pt, nova_rt.pd, hd->sel, (uintptr_t)nova_portal_entry);
        if (!s)
            s = nova_ctrl_pt(pt, PID_STARTUP, NOVA_MTD_IP);
        if (!s)
            s = nova_ctrl_pd(nova_rt.root_obj, nova_rt.root_obj, pt, 0,
                             nova_evt_kernel(evt, h->sel_hst_arch, NOVA_EVT_STARTUP), startup_pmm, 0);
    }
    if (!s)
        s = nova_create_pt(nova_evt_arch(evt, NOVA_EVT_UD), nova_rt.pd, hd->sel,
                           (uintptr_t)nova_portal_entry);
    if (!s)
        s = nova_ctrl_pt(nova_evt_arch(evt, NOVA_EVT_UD), PID_UD, MTD_UD);
    *sm = nova_sel_alloc(0);
    if (!s)
        s = nova_create_sm(*sm, nova_rt.pd, 0);
    struct nova_ec_attr a = {.flags = NOVA_EC_T, .cpu = NOVA_EC_CPU_BSP, .evt = evt};
    if (!s)
        s = nova_ec_create(t, &a, 0, body, (void *)(uintptr_t)*sm);
    return nova_expect_status(ctx, "handler, portals, thread (setup)", s, NOVA_SUCCESS);
}

static unsigned run_thread(struct nova_ec *t, nova_sel sm, unsigned ms)
{
    unsigned s = nova_create_sc(nova_sel_alloc(0), nova_rt.pd, t->sel, nova_scd(10, 10, 0));
    return s ? 0x100 | s : nova_sm_down(sm, nova_stc() + nova_stc_ms(ms));
}

static void startup_exception(struct nova_probe_ctx *ctx)
{
    /* STARTUP at SEL_EVT + SEL_HST/ARCH + 0 sets the thread's IP; its #UD
     * at SEL_EVT + number shows the faulting IP and resumes past it. */
    struct nova_ec *t;
    nova_sel sm;
    if (!thread_setup(ctx, &t, &sm, true, NOVA_PERM_BITS))
        return;
    unsigned s = run_thread(t, sm, 1000);
    nova_expect_eq(ctx, "STARTUP events", rec.startups, 1);
    nova_expect_eq(ctx, "STARTUP PID", rec.pid[0], PID_STARTUP);
    nova_expect_eq(ctx, "STARTUP MTD (the portal's)", rec.mtd[0], NOVA_MTD_IP);
    nova_expect_eq(ctx, "exception events", rec.faults, 1);
    nova_expect_eq(ctx, "exception PID", rec.pid[1], PID_UD);
    nova_expect_eq(ctx, "exception MTD (the portal's)", rec.mtd[1], MTD_UD);
    nova_expect_eq(ctx, "faulting IP", rec.ip, (uintptr_t)nova_ud_insn);
    nova_expect_status(ctx, "the thread went on after the reply (down)", s, NOVA_SUCCESS);
}
NOVA_PROBE("event.startup_and_exception", startup_exception);

static void no_portal(struct nova_probe_ctx *ctx)
{
    /* No portal at the STARTUP selector: the thread is killed, never runs. */
    struct nova_ec *t;
    nova_sel sm;
    if (thread_setup(ctx, &t, &sm, false, 0))
        nova_expect_status(ctx, "down (the thread must not run)", run_thread(t, sm, 50), NOVA_TIMEOUT);
}
NOVA_PROBE("event.missing_portal_kills", no_portal);

static void no_event_perm(struct nova_probe_ctx *ctx)
{
    /* A portal without EVENT permission does not take events. */
    struct nova_ec *t;
    nova_sel sm;
    if (!thread_setup(ctx, &t, &sm, true, NOVA_PERM_PT_CTRL | NOVA_PERM_PT_CALL))
        return;
    nova_expect_status(ctx, "down (the thread must not run)", run_thread(t, sm, 50), NOVA_TIMEOUT);
    nova_expect_eq(ctx, "STARTUP events", rec.startups, 0);
}
NOVA_PROBE("event.portal_needs_event_permission", no_event_perm);

static void poison(struct nova_probe_ctx *ctx)
{
    /* POISON in the reply kills the EC instead of resuming it. */
    struct nova_ec *t;
    nova_sel sm;
    if (!thread_setup(ctx, &t, &sm, true, NOVA_PERM_BITS))
        return;
    rec.poison = true;
    nova_expect_status(ctx, "down (the thread must not run)", run_thread(t, sm, 50), NOVA_TIMEOUT);
    nova_expect_eq(ctx, "STARTUP events", rec.startups, 1);
    nova_expect_eq(ctx, "exception events", rec.faults, 0);
}
NOVA_PROBE("event.poison_kills", poison);
