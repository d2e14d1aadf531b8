/* The user-mode probe suite's root task: set up the safety nets, then run
 * every registered probe (doc/libnova.md lists them). */
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
    return nova_probes_run("user") ? 1 : 0;
}
