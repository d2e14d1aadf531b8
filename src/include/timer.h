/* The per-CPU one-shot timer behind budgets and timeouts. Deadlines are
 * absolute STC values (arch_counter). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define TIMER_NONE UINT64_MAX

/* Arms the CPU's one-shot timer for deadline (TIMER_NONE: disarm). A
 * deadline in the past fires at once. */
void arch_timer_arm(uint64_t deadline);

/* The architecture's timer interrupt, after the interrupted state is
 * saved: in user mode (the running EC's frame holds it; this may switch
 * ECs and does not return) or in the kernel's idle loop (returns). */
_Noreturn void timer_interrupt_user(void);
void timer_interrupt_idle(void);
