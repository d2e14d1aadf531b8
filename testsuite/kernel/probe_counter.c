/* The free-running counter: monotonic, advancing, plausible frequency. */
#include "arch.h"
#include "probe.h"

static void advances(struct probe_ctx *ctx)
{
    uint64_t prev = arch_counter(), first = prev;
    for (int i = 0; i < 10000; i++) {
        uint64_t now = arch_counter();
        if (now < prev) {
            probe_fail(ctx, "counter went backwards: 0x%lx after 0x%lx", (unsigned long)now,
                       (unsigned long)prev);
            return;
        }
        prev = now;
    }
    if (prev == first)
        probe_fail(ctx, "counter stood still at 0x%lx over 10000 reads", (unsigned long)prev);
}
PROBE("counter.advances", advances);

static void frequency(struct probe_ctx *ctx)
{
    uint64_t hz = arch_counter_hz();
    if (hz < 1000000 || hz > 10000000000ull)
        probe_fail(ctx, "frequency %lu Hz outside 1 MHz..10 GHz", (unsigned long)hz);
}
PROBE("counter.frequency", frequency);
