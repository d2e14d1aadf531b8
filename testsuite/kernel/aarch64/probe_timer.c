/* The EL2 physical timer's interrupt through the GIC: armed a little
 * ahead it becomes pending, arch_idle_wait takes it (the handler runs
 * once, the wait ends after the deadline), a past deadline fires at once
 * and TIMER_NONE disarms. Runs before any EC, with HCR_EL2 = RW|IMO. */
#include "aarch64.h"
#include "arch.h"
#include "console.h"
#include "gic.h"
#include "irq.h"
#include "probe.h"
#include "sysreg.h"
#include "timer.h"

/* One idle wait; false (and the probe failed) unless exactly one timer
 * interrupt was handled in it. */
static bool idle_once(struct probe_ctx *ctx, const char *what)
{
    const struct irq_stats *st = irq_stats_here();
    struct irq_stats before = *st;
    arch_idle_wait();
    unsigned long timer = st->timer - before.timer, all = st->kernel - before.kernel;
    if (timer == 1 && all == 1)
        return true;
    probe_fail(ctx, "%s: %lu timer interrupts, %lu in all (expected 1 and 1)", what, timer, all);
    return false;
}

static void el2_interrupt(struct probe_ctx *ctx)
{
    if (!probe_expect_eq(ctx, "HCR_EL2.IMO", read_sysreg(hcr_el2) & HCR_IMO, HCR_IMO))
        return;
    uint64_t hz = arch_counter_hz();
    unsigned id = timer_intid();

    /* 1: pending at the GIC after the deadline, with IRQs masked. A
     * bounded wait, so a silent timer fails here instead of hanging. */
    uint64_t deadline = arch_counter() + hz / 1000;
    arch_timer_arm(deadline);
    uint64_t limit = counter_deadline(200000);
    while (!gic_pending(id) && !counter_passed(limit))
        ;
    uint64_t seen = arch_counter();
    if (!gic_pending(id)) {
        arch_timer_arm(TIMER_NONE);
        probe_fail(ctx, "INTID %u not pending 200 ms after its deadline (CNTHP_CTL_EL2 0x%lx)", id,
                   (unsigned long)read_sysreg(cnthp_ctl_el2));
        return;
    }
    if (seen < deadline)
        probe_fail(ctx, "pending %lu ticks before the deadline", (unsigned long)(deadline - seen));
    if (!idle_once(ctx, "pending interrupt"))
        return;

    /* 2: the real wait, 2 ms ahead: WFI until the interrupt. */
    deadline = arch_counter() + hz / 500;
    arch_timer_arm(deadline);
    if (!idle_once(ctx, "2 ms wait"))
        return;
    uint64_t now = arch_counter();
    if (now < deadline)
        probe_fail(ctx, "idle wait returned %lu ticks before the deadline",
                   (unsigned long)(deadline - now));
    kprintf("timer: 2 ms wait ended %lu ticks after the deadline\n", (unsigned long)(now - deadline));

    /* 3: a deadline in the past fires at once. */
    uint64_t t0 = arch_counter();
    arch_timer_arm(t0 - 1);
    if (!idle_once(ctx, "past deadline"))
        return;
    if (arch_counter() - t0 > hz / 100)
        probe_fail(ctx, "a past deadline took %lu ticks to fire", (unsigned long)(arch_counter() - t0));

    /* 4: disarmed, the timer neither runs nor leaves anything pending. */
    arch_timer_arm(TIMER_NONE);
    probe_expect_eq(ctx, "CNTHP_CTL_EL2.ENABLE", read_sysreg(cnthp_ctl_el2) & 1, 0);
    probe_expect_eq(ctx, "timer INTID pending", gic_pending(id), 0);
}
PROBE("timer.el2_interrupt", el2_interrupt);
