/* Scheduling (spec 1.4, 4.15): the timer preempts a lower priority when a
 * higher one's timeout is due, equal priorities share the CPU by budget,
 * timeouts fire on time, and semaphore round trips are measured. */
#include "util.h"
#include "libnova/metric.h"
#include "libnova/timing.h"

static volatile bool stop;
static volatile uint64_t spins[2];

/* Spins until told to stop, counting; arg selects the counter. */
static void spinner(struct nova_ec *ec)
{
    volatile uint64_t *n = &spins[(uintptr_t)ec->arg];
    while (!stop)
        (*n)++;
}

static unsigned start_spinners(unsigned count, unsigned prio)
{
    stop = false;
    spins[0] = spins[1] = 0;
    for (unsigned i = 0; i < count; i++) {
        struct nova_ec *ec;
        unsigned s = nova_thread_start(&ec, spinner, (void *)(uintptr_t)i, prio);
        if (s)
            return s;
    }
    return NOVA_SUCCESS;
}

/* Sleeps on a fresh SM until the timeout; returns the down's status. */
static unsigned sleep_ms(struct nova_probe_ctx *ctx, uint64_t ms, uint64_t *late)
{
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return NOVA_BAD_CAP;
    uint64_t deadline = nova_stc() + nova_stc_ms(ms);
    unsigned s = nova_sm_down(sm, deadline);
    uint64_t now = nova_stc();
    if (late)
        *late = now >= deadline ? now - deadline : 0;
    if (now < deadline)
        nova_fail(ctx, "woke %lu ticks before the deadline", (unsigned long)(deadline - now));
    return s;
}

static void preemption(struct nova_probe_ctx *ctx)
{
    /* A busy lower-priority thread must not keep the root from waking. */
    if (!nova_expect_status(ctx, "spinner", start_spinners(1, 20), NOVA_SUCCESS))
        return;
    unsigned s = sleep_ms(ctx, 30, 0);
    stop = true;
    nova_expect_status(ctx, "down with a timeout", s, NOVA_TIMEOUT);
    if (!spins[0])
        nova_fail(ctx, "the lower-priority thread never ran while the root slept");
    sleep_ms(ctx, 1, 0);             /* let the spinner see stop and end */
}
NOVA_PROBE("sched.priority_preemption", preemption);

static void round_robin(struct nova_probe_ctx *ctx)
{
    /* Two spinners of one priority (10 ms budgets) over 200 ms: each must
     * get a fair share, here at least a quarter of the total. */
    if (!nova_expect_status(ctx, "spinners", start_spinners(2, 20), NOVA_SUCCESS))
        return;
    sleep_ms(ctx, 200, 0);
    stop = true;
    uint64_t a = spins[0], b = spins[1], total = a + b;
    if (!a || !b)
        nova_fail(ctx, "one thread starved: spins %lu / %lu", (unsigned long)a, (unsigned long)b);
    else if (a * 4 < total || b * 4 < total)
        nova_fail(ctx, "unfair share: spins %lu / %lu", (unsigned long)a, (unsigned long)b);
    sleep_ms(ctx, 1, 0);
}
NOVA_PROBE("sched.budget_round_robin", round_robin);

static uint64_t samples[64];

static void timeout_accuracy(struct nova_probe_ctx *ctx)
{
    /* How late a timeout wakes its EC, with nothing else running. */
    for (unsigned i = 0; i < 64; i++) {
        unsigned s = sleep_ms(ctx, 2, &samples[i]);
        if (s != NOVA_TIMEOUT)
            FAIL_RETURN(ctx, "round %u: down got=%s", i, nova_status_name(s));
    }
    nova_metric_report("sm.timeout.late", "ticks", samples, 64);
}
NOVA_PROBE("ctrl_sm.timeout_accuracy", timeout_accuracy);

static nova_sel ping, pong;

static void ponger(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(ping, 0) == NOVA_SUCCESS && !stop)
        nova_sm_up(pong);
}

static uint64_t rtt[1000];

static void pingpong(struct nova_probe_ctx *ctx)
{
    /* Root up(ping) -> the thread wakes on the same CPU, up(pong) -> root. */
    ping = sm_new(ctx, 0);
    pong = sm_new(ctx, 0);
    stop = false;
    struct nova_ec *ec;
    if (!ping || !pong || !nova_expect_status(ctx, "thread", nova_thread_start(&ec, ponger, 0, 20),
                                              NOVA_SUCCESS))
        return;
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < 1100; i++) {
        uint64_t t0 = nova_stc();
        nova_sm_up(ping);
        unsigned s = nova_sm_down(pong, nova_stc() + nova_stc_ms(1000));
        uint64_t t1 = nova_stc();
        if (s != NOVA_SUCCESS) {
            stop = true;
            FAIL_RETURN(ctx, "round %u: down(pong) got=%s", i, nova_status_name(s));
        }
        if (i >= 100)
            rtt[i - 100] = nova_stc_net(t1 - t0, overhead);
    }
    stop = true;
    nova_sm_up(ping);                 /* the thread sees stop and ends */
    nova_metric_report("sm.pingpong.same_cpu", "ticks", rtt, 1000);
}
NOVA_PROBE("sm.pingpong_latency", pingpong);
