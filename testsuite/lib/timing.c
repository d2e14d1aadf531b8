/* Counter helpers that need the HIP. */
#include "libnova/timing.h"
#include "libnova/rt.h"

uint64_t nova_stc_overhead(void)
{
    uint64_t best = ~(uint64_t)0;
    for (int i = 0; i < 64; i++) {
        uint64_t a = nova_stc(), b = nova_stc();
        if (b - a < best)
            best = b - a;
    }
    return best;
}

uint64_t nova_stc_ms(uint64_t ms)
{
    uint64_t hz = nova_rt.hip ? nova_rt.hip->stc_freq : 0;
    if (!hz)
        hz = 1000000000;    /* no frequency: assume 1 GHz rather than 0 */
    return hz / 1000 * ms;
}
