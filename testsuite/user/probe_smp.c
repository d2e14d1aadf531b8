/* Several CPUs (spec 1.3, 1.4, 4.15): a thread bound to another CPU runs
 * there (its STARTUP handler is on that CPU too: event portals must be on
 * the EC's CPU, 5.9), and semaphores wake ECs across CPUs. */
#include "util.h"
#include "libnova/metric.h"
#include "libnova/state.h"
#include "libnova/timing.h"
#include "nova/event.h"

static nova_sel ping, pong;
static volatile bool quit;

static uint32_t startup_here(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    nova_state_set_ip((nova_utcb_arch *)ec->utcb, (uintptr_t)nova_thread_entry);
    return NOVA_MTD_IP;
}

static void ponger(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(ping, 0) == NOVA_SUCCESS && !quit)
        nova_sm_up(pong);
}

/* A thread on cpu with its own STARTUP portal there. */
static unsigned thread_on(unsigned cpu, nova_thread_fn *fn)
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
    struct nova_ec_attr t = {.flags = NOVA_EC_T, .cpu = cpu, .evt = evt};
    if (!s)
        s = nova_ec_create(&thread, &t, 0, fn, 0);
    if (!s)
        s = nova_create_sc(nova_sel_alloc(0), nova_rt.pd, thread->sel, nova_scd(10, 20, 0));
    return s;
}

static uint64_t rtt[500];

static void cross_cpu(struct nova_probe_ctx *ctx)
{
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    ping = sm_new(ctx, 0);
    pong = sm_new(ctx, 0);
    quit = false;
    if (!ping || !pong ||
        !nova_expect_status(ctx, "thread on CPU 1", thread_on(1, ponger), NOVA_SUCCESS))
        return;
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < 550; i++) {
        uint64_t t0 = nova_stc();
        nova_sm_up(ping);
        unsigned s = nova_sm_down(pong, nova_stc() + nova_stc_ms(1000));
        uint64_t t1 = nova_stc();
        if (s != NOVA_SUCCESS) {
            quit = true;
            FAIL_RETURN(ctx, "round %u: no answer from CPU 1 (down got=%s)", i, nova_status_name(s));
        }
        if (i >= 50)
            rtt[i - 50] = nova_stc_net(t1 - t0, overhead);
    }
    quit = true;
    nova_sm_up(ping);
    nova_metric_report("sm.pingpong.cross_cpu", "ticks", rtt, 500);
}
NOVA_PROBE("smp.cross_cpu_semaphore", cross_cpu);
