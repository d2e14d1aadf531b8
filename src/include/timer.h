/* The per-CPU one-shot timer behind budgets and timeouts. Deadlines are
 * absolute STC values (arch_counter). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define TIMER_NONE UINT64_MAX

/* Arms the CPU's one-shot timer for deadline (TIMER_NONE: disarm). A
 * deadline in the past fires at once. */
void arch_timer_arm(uint64_t deadline);

/* After an interrupt taken in user mode that may change what runs (the
 * timer, a reschedule IPI, a device's semaphore): the running EC's frame
 * holds its state; schedule again. In the idle loop nothing is needed:
 * the loop itself looks again once the interrupt returns. */
_Noreturn void timer_interrupt_user(void);
