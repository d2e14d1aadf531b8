/* The watchdog wakes every 500 ms through a semaphore timeout. */
#include "libnova/watchdog.h"
#include "libnova/alloc.h"
#include "libnova/ec.h"
#include "libnova/hc.h"
#include "libnova/probe.h"
#include "libnova/rt.h"
#include "libnova/timing.h"

static nova_sel tick;
static uint64_t limit;

static void watch(struct nova_ec *ec)
{
    (void)ec;
    uint64_t period = nova_stc_ms(500);
    for (;;) {
        nova_sm_down(tick, nova_stc() + period);
        if (nova_probe_current && nova_stc() - nova_probe_since > limit)
            nova_suite_abort("watchdog: no progress (a hypercall did not return?)");
    }
}

unsigned nova_watchdog_start(uint64_t limit_ms)
{
    limit = nova_stc_ms(limit_ms);
    tick = nova_sel_alloc(0);
    if (!tick)
        return NOVA_MEM_CAP;
    unsigned s = nova_create_sm(tick, nova_rt.pd, 0);
    struct nova_ec *ec;
    return s ? s : nova_thread_start(&ec, watch, 0, NOVA_WATCHDOG_PRIO);
}
