/* IRQs: acknowledge at the GIC, quiesce the timer before its EOI (its
 * line is level-sensitive), then let the scheduler run. Spurious
 * acknowledgements (the line dropped in between) are ignored. */
#include "irq.h"
#include "aarch64.h"
#include "arch.h"
#include "arch_ec.h"
#include "ec.h"
#include "gic.h"
#include "sched.h"
#include "timer.h"

struct irq_stats irq_stats;

void irq_setup(const struct bootinfo *bi)
{
    gic_setup(bi);
    timer_init(gic_active()->timer_ppi);
}

void aarch64_user_irq(void)
{
    struct ec *ec = ec_current();
    uint32_t token = gic_ack();
    unsigned id = gic_intid(token);
    if (id >= GIC_SPURIOUS_MIN) {
        irq_stats.spurious++;
        aarch64_ret_user(&ec->regs);
    }
    irq_stats.user++;
    if (id == timer_intid()) {
        irq_stats.timer++;
        timer_quiesce();
        gic_eoi(token);
        timer_interrupt_user();         /* EC state is in its frame */
    }
    if (irq_device(id, token)) {
        ec->cont = ec_ret_exception;
        sched_dispatch();               /* its semaphore's waiter may outrank us */
    }
    gic_eoi(token);
    aarch64_ret_user(&ec->regs);
}

void aarch64_kernel_irq(void)
{
    uint32_t token = gic_ack();
    unsigned id = gic_intid(token);
    if (id >= GIC_SPURIOUS_MIN) {
        irq_stats.spurious++;
        return;
    }
    irq_stats.kernel++;
    if (id == timer_intid()) {
        irq_stats.timer++;
        timer_quiesce();
        gic_eoi(token);
        timer_interrupt_idle();
        return;
    }
    if (!irq_device(id, token))
        gic_eoi(token);
}

void arch_idle_wait(void)
{
    /* WFI with IRQs masked still wakes on a pending one, which is then
     * taken between unmasking and the ISB: none can slip in unnoticed
     * before the WFI. Wake-ups without an interrupt wait again. */
    unsigned long seen = irq_stats.kernel;
    do
        __asm__ volatile("wfi\n\tmsr daifclr, #2\n\tisb\n\tmsr daifset, #2" ::: "memory");
    while (irq_stats.kernel == seen);
}
