/* The user-mode probe suite's root task: set up the safety nets, then run
 * every registered probe (doc/libnova.md lists them). */
#include "libnova/alloc.h"
#include "libnova/console.h"
#include "libnova/monitor.h"
#include "libnova/probe.h"
#include "libnova/rt.h"
#include "libnova/watchdog.h"

int nova_main(void)
{
    /* Both are best-effort: without them a broken kernel can still hang or
     * kill the suite, and the runner's timeouts catch that. */
    unsigned mon = nova_monitor_start();
    unsigned wd = mon ? mon : nova_watchdog_start(10000);
    nova_printf("libnova: monitor %u, watchdog %u\n", mon, wd);
    unsigned failed = nova_probes_run("user");
    nova_printf("libnova: %u of %u stacks left, selectors used up to 0x%lx\n", nova_stack_left(),
                NOVA_STACK_COUNT, (unsigned long)nova_sel_mark());
    return failed ? 1 : 0;
}
