/* Several CPUs (spec 1.3, 1.4, 4.15): a thread bound to another CPU runs
 * there (its STARTUP handler is on that CPU too: event portals must be on
 * the EC's CPU, 5.9), and semaphores wake ECs across CPUs. */
#include "util.h"
#include "libnova/metric.h"
#include "libnova/timing.h"

/* How long another CPU may take to answer: generous, since an emulator's
 * vCPU threads can be descheduled on a loaded host. */
#define ANSWER_MS 5000

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
        !nova_expect_status(ctx, "thread on CPU 1", thread_on_cpu(1, ponger, 0, 20, 0, 0), NOVA_SUCCESS))
        return;
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < 550; i++) {
        uint64_t t0 = nova_stc();
        nova_sm_up(ping);
        unsigned s = nova_sm_down(pong, nova_stc() + nova_stc_ms(ANSWER_MS));
        uint64_t t1 = nova_stc();
        if (s != NOVA_SUCCESS) {
            quit = true;
            FAIL_RETURN(ctx, "round %u: no answer from CPU 1 within %u ms (down got=%s)", i, ANSWER_MS,
                        nova_status_name(s));
        }
        if (i >= 50)
            rtt[i - 50] = nova_stc_net(t1 - t0, overhead);
        if (!(i % 50))
            nova_probe_heartbeat();   /* a loaded host makes each round slow, not stuck */
    }
    quit = true;
    nova_sm_up(ping);
    nova_metric_report("sm.pingpong.cross_cpu", "ticks", rtt, 500);
}
NOVA_PROBE("smp.cross_cpu_semaphore", cross_cpu);

/* Recall across CPUs (spec 4.12): a thread spinning in user mode on CPU 1
 * is recalled from CPU 0. Its RECALL handler holds it in the kernel on a
 * gate semaphore, so once a strong recall has returned the thread must not
 * run user code any more: its counter stands still. A weak recall only
 * guarantees the event eventually. */
static volatile uint64_t spins;
static volatile unsigned recalls;
static nova_sel gate;

/* Straight-line increments: an emulator that checks for interrupts
 * between translated blocks lets a long block run to its end after the
 * IPI arrived, which widens the window a weak recall would show in. */
#define SPIN8 spins++, spins++, spins++, spins++, spins++, spins++, spins++, spins++
static void spinner(struct nova_ec *ec)
{
    (void)ec;
    while (!quit) {
        SPIN8, SPIN8, SPIN8, SPIN8, SPIN8, SPIN8, SPIN8, SPIN8;
        SPIN8, SPIN8, SPIN8, SPIN8, SPIN8, SPIN8, SPIN8, SPIN8;
        nova_relax();
    }
}

static uint32_t held_at_recall(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)pid, (void)mtd;
    recalls++;
    nova_sm_down(gate, 0);
    return 0;                         /* the thread's state stays as it was */
}

/* Waits up to ANSWER_MS for *v to exceed old. */
static bool advances(volatile uint64_t *v, uint64_t old)
{
    uint64_t end = nova_stc() + nova_stc_ms(ANSWER_MS);
    while (*v <= old && nova_stc() < end)
        nova_relax();
    return *v > old;
}

static bool recalled(unsigned n)
{
    uint64_t end = nova_stc() + nova_stc_ms(ANSWER_MS);
    while (recalls < n && nova_stc() < end)
        nova_relax();
    return recalls >= n;
}

static uint64_t recall_rtt[100];

static void recall_cross_cpu(struct nova_probe_ctx *ctx)
{
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    struct nova_ec *thread;
    gate = sm_new(ctx, 0);
    quit = false;
    spins = 0;
    recalls = 0;
    if (!gate || !nova_expect_status(ctx, "spinning thread on CPU 1",
                                     thread_on_cpu(1, spinner, 0, 20, held_at_recall, &thread), NOVA_SUCCESS))
        return;
    if (!advances(&spins, 0))
        FAIL_RETURN(ctx, "the thread on CPU 1 does not run");
    /* Weak: the event comes, sooner or later. */
    if (!nova_expect_status(ctx, "weak recall", nova_ctrl_ec(thread->sel, 0), NOVA_SUCCESS))
        return;
    if (!recalled(1))
        FAIL_RETURN(ctx, "no RECALL event within %u ms of a weak recall", ANSWER_MS);
    nova_sm_up(gate);
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < 100; i++) {
        uint64_t before = spins;
        if (!advances(&spins, before))
            FAIL_RETURN(ctx, "round %u: the thread did not resume after its RECALL", i);
        uint64_t t0 = nova_stc();
        unsigned s = nova_ctrl_ec(thread->sel, NOVA_CTRL_EC_S);
        uint64_t t1 = nova_stc();
        uint64_t seen = spins;
        if (s != NOVA_SUCCESS)
            FAIL_RETURN(ctx, "round %u: strong recall got %s", i, nova_status_name(s));
        /* Give a thread still in user mode time to show it (it counts
         * thousands of times in this span). */
        uint64_t until = nova_stc() + nova_stc_ms(1) / 5;
        while (nova_stc() < until)
            nova_relax();
        if (spins != seen)
            FAIL_RETURN(ctx, "round %u: the thread ran on after the strong recall returned "
                        "(%lu more iterations)", i, (unsigned long)(spins - seen));
        if (!recalled(i + 2))
            FAIL_RETURN(ctx, "round %u: no RECALL event after a strong recall", i);
        recall_rtt[i] = nova_stc_net(t1 - t0, overhead);
        nova_sm_up(gate);
        if (!(i % 10))
            nova_probe_heartbeat();
    }
    quit = true;
    nova_expect_eq(ctx, "RECALL events", recalls, 101);
    nova_metric_report("ec.recall.strong.cross_cpu", "ticks", recall_rtt, 100);
}
NOVA_PROBE("smp.recall_cross_cpu", recall_cross_cpu);
