/* Until the GIC and the EL2 timer drive interrupts here, the idle loop
 * waits for the armed deadline by polling the counter: timeouts work,
 * budgets do not preempt (nothing interrupts user mode yet). */
#include "arch.h"
#include "timer.h"

static uint64_t armed = TIMER_NONE;

void arch_timer_arm(uint64_t deadline)
{
    armed = deadline;
}

void arch_idle_wait(void)
{
    while (arch_counter() < armed)
        ;
    timer_interrupt_idle();
}
