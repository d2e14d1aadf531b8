/* Several CPUs (spec 1.3, 1.4, 4.15): a thread bound to another CPU runs
 * there (its STARTUP handler is on that CPU too: event portals must be on
 * the EC's CPU, 5.9), and semaphores wake ECs across CPUs. */
#include "util.h"
#include "libnova/metric.h"
#include "libnova/timing.h"

static nova_sel ping, pong;
static volatile bool quit;

static void ponger(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(ping, 0) == NOVA_SUCCESS && !quit)
        nova_sm_up(pong);
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
        !nova_expect_status(ctx, "thread on CPU 1", thread_on_cpu(1, ponger, 0, 20, 0), NOVA_SUCCESS))
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
