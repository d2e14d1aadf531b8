/* The architectural counter: CNTPCT_EL0 at CNTFRQ_EL0 Hz. Firmware sets
 * CNTFRQ_EL0 (only EL3 can); a board fallback covers firmware that did not. */
#include "aarch64.h"
#include "arch.h"
#include "sysreg.h"

uint64_t arch_counter(void)
{
    isb();              /* no earlier read of the counter */
    return read_sysreg(cntpct_el0);
}

uint64_t arch_counter_hz(void)
{
    uint64_t hz = read_sysreg(cntfrq_el0) & 0xffffffffu;
    return hz ? hz : board.timer.hz_fallback;
}

uint64_t counter_deadline(uint64_t timeout_us)
{
    /* timeout_us stays far below 2^32: no overflow with any real frequency */
    return arch_counter() + arch_counter_hz() * timeout_us / 1000000 + 1;
}

bool counter_passed(uint64_t deadline)
{
    return (int64_t)(arch_counter() - deadline) >= 0;
}
