/* IRQs: acknowledge at the GIC, quiesce the timer before its EOI (its
 * line is level-sensitive), then let the scheduler run. A reschedule SGI
 * means the same as the timer: look at the run queue again. Spurious
 * acknowledgements (the line dropped in between) are ignored. From EL0
 * the kernel lock is taken first (every exit to EL0 releases it); in the
 * idle loop, which runs without it, only around an interrupt semaphore. */
#include "irq.h"
#include "aarch64.h"
#include "arch.h"
#include "arch_ec.h"
#include "ec.h"
#include "gic.h"
#include "kernel_lock.h"
#include "sched.h"
#include "timer.h"

void irq_setup(const struct bootinfo *bi)
{
    gic_setup(bi);
    timer_init(gic_active()->timer_ppi);
}

void aarch64_user_irq(void)
{
    kernel_lock();
    struct ec *ec = ec_current();
    struct irq_stats *st = irq_stats_here();
    uint32_t token = gic_ack();
    unsigned id = gic_intid(token);
    if (gic_spurious(id)) {
        st->spurious++;
        aarch64_ret_user(&ec->regs);
    }
    st->user++;
    if (id == timer_intid()) {
        st->timer++;
        timer_quiesce();
        gic_eoi(token);
        timer_interrupt_user();         /* EC state is in its frame */
    }
    if (id == GIC_SGI_RESCHED) {
        gic_eoi(token);
        timer_interrupt_user();         /* the same: schedule again */
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
    struct irq_stats *st = irq_stats_here();
    uint32_t token = gic_ack();
    unsigned id = gic_intid(token);
    if (gic_spurious(id)) {
        st->spurious++;
        return;
    }
    st->kernel++;
    if (id == timer_intid()) {
        st->timer++;
        timer_quiesce();
        gic_eoi(token);
        return;                       /* the idle loop looks again */
    }
    if (id >= GIC_SPI(0)) {
        kernel_lock();
        bool ours = irq_device(id, token);
        kernel_unlock();
        if (ours)
            return;
    }
    gic_eoi(token);                     /* SGI: the idle loop looks again */
}

void arch_idle_wait(void)
{
    /* WFI with IRQs masked still wakes on a pending one, which is then
     * taken between unmasking and the ISB: none can slip in unnoticed
     * before the WFI. Wake-ups without an interrupt wait again. */
    const volatile unsigned long *kernel = &irq_stats_here()->kernel;
    unsigned long seen = *kernel;
    do
        __asm__ volatile("wfi\n\tmsr daifclr, #2\n\tisb\n\tmsr daifset, #2" ::: "memory");
    while (*kernel == seen);
}
