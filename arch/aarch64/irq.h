/* Interrupt handling on aarch64 (irq.c, timer.c, intr_gic.c): the GIC
 * delivers the EL2 timer, reschedule SGIs and device SPIs as IRQs to EL2. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "cpu_local.h"

struct bootinfo;
/* The GIC (gic.c) and the EL2 timer's interrupt; before the first EC. */
void irq_setup(const struct bootinfo *bi);

/* This CPU's interrupt counts (struct irq_stats, cpu_local.h). */
static inline struct irq_stats *irq_stats_here(void) { return &cpu_self()->irq; }

/* IRQ entry points: from EL0 (entry.S, after saving the EC's frame) and
 * at EL2 (trap.c; only the idle loop runs with IRQs unmasked). */
_Noreturn void aarch64_user_irq(void);
void aarch64_kernel_irq(void);

/* intr_gic.c: an SPI of an interrupt semaphore (masked if level, EOI'd,
 * its SM up); false for any other INTID, which the caller handles. */
bool irq_device(unsigned id, uint32_t token);

/* timer.c: the CNTHP timer behind arch_timer_arm. */
void timer_init(unsigned intid);
unsigned timer_intid(void);
/* Disarms the timer so its level-sensitive line drops (before the EOI). */
void timer_quiesce(void);
