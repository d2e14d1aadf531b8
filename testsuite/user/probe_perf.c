/* Latency figures (doc/libnova.md, "Metrics"): 100 warm-up rounds, then
 * 1000 timed ones, each minus the cost of the two counter reads. */
#include "util.h"
#include "libnova/child.h"
#include "libnova/metric.h"
#include "libnova/timing.h"

#define WARMUP 100u
#define ROUNDS 1000u

static uint64_t samples[ROUNDS];

static uint32_t reply_now(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)pid, (void)mtd;
    return 0;
}

static void rtt(struct nova_probe_ctx *ctx, nova_sel pt, const char *metric)
{
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < WARMUP + ROUNDS; i++) {
        uint32_t mtd = 0;
        uint64_t t0 = nova_stc();
        unsigned s = nova_ipc_call(pt, 0, &mtd);
        uint64_t t1 = nova_stc();
        if (s)
            FAIL_RETURN(ctx, "round %u: ipc_call got=%s", i, nova_status_name(s));
        if (i >= WARMUP)
            samples[i - WARMUP] = nova_stc_net(t1 - t0, overhead);
    }
    nova_metric_report(metric, "ticks", samples, ROUNDS);
}

static void same_pd(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    nova_sel pt;
    if (nova_expect_status(ctx, "setup", local_portal(&ec, &pt, reply_now, 0, 0), NOVA_SUCCESS))
        rtt(ctx, pt, "ipc.rtt.same_pd");
}
NOVA_PROBE("perf.ipc_rtt_same_pd", same_pd);

static void cross_pd(struct nova_probe_ctx *ctx)
{
    struct nova_child c;
    struct nova_ec *ec;
    nova_sel pt;
    unsigned s = nova_child_create_with_image(&c);
    if (!s)
        s = nova_child_portal(&c, reply_now, 0, &ec, &pt);
    if (nova_expect_status(ctx, "setup", s, NOVA_SUCCESS))
        rtt(ctx, pt, "ipc.rtt.cross_pd");
}
NOVA_PROBE("perf.ipc_rtt_cross_pd", cross_pd);

static void null_call(struct nova_probe_ctx *ctx)
{
    /* The cheapest call that succeeds and changes nothing observable:
     * ctrl_pt setting a portal's PID and MTD to what they already are. */
    struct nova_ec *ec;
    nova_sel pt;
    if (!nova_expect_status(ctx, "setup", local_portal(&ec, &pt, reply_now, 0, 0), NOVA_SUCCESS))
        return;
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < WARMUP + ROUNDS; i++) {
        uint64_t t0 = nova_stc();
        unsigned s = nova_ctrl_pt(pt, 0, 0);
        uint64_t t1 = nova_stc();
        if (s)
            FAIL_RETURN(ctx, "round %u: ctrl_pt got=%s", i, nova_status_name(s));
        if (i >= WARMUP)
            samples[i - WARMUP] = nova_stc_net(t1 - t0, overhead);
    }
    nova_metric_report("hypercall.null", "ticks", samples, ROUNDS);
}
NOVA_PROBE("perf.hypercall_null", null_call);

static void general_call(struct nova_probe_ctx *ctx)
{
    /* A hypercall as cheap as the null one that takes the kernel's general
     * entry (ctrl_pt has a light one): ctrl_sc reading the root SC's time.
     * Beside hypercall.null it shows what the light entry saves. */
    uint64_t overhead = nova_stc_overhead(), time;
    for (unsigned i = 0; i < WARMUP + ROUNDS; i++) {
        uint64_t t0 = nova_stc();
        unsigned s = nova_ctrl_sc(nova_rt.sc, &time);
        uint64_t t1 = nova_stc();
        if (s)
            FAIL_RETURN(ctx, "round %u: ctrl_sc got=%s", i, nova_status_name(s));
        if (i >= WARMUP)
            samples[i - WARMUP] = nova_stc_net(t1 - t0, overhead);
    }
    nova_metric_report("hypercall.general", "ticks", samples, ROUNDS);
}
NOVA_PROBE("perf.hypercall_general", general_call);
