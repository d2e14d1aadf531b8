/* The EL2 physical timer (CNTHP) as the kernel's one-shot timer: its
 * compare value is an absolute CNTPCT value, which is the STC (EL0 reads
 * CNTVCT with CNTVOFF_EL2 = 0). The interrupt is level-sensitive while
 * the condition holds, so taking it disables the timer; the scheduler
 * arms it again. */
#include "aarch64.h"
#include "arch.h"
#include "gic.h"
#include "irq.h"
#include "sysreg.h"
#include "timer.h"

#define CTL_ENABLE (1u << 0)
#define CTL_IMASK (1u << 1)

static unsigned intid;

void timer_init(unsigned ppi)
{
    intid = ppi;
    write_sysreg(cnthp_ctl_el2, 0);
    isb();
    gic_enable(intid, true);
}

void timer_cpu_init(void)
{
    write_sysreg(cnthp_ctl_el2, 0);
    isb();
    gic_enable(intid, true);            /* a PPI: this CPU's own enable */
}

unsigned timer_intid(void)
{
    return intid;
}

void arch_timer_arm(uint64_t deadline)
{
    if (deadline == TIMER_NONE) {
        write_sysreg(cnthp_ctl_el2, 0);
        return;                 /* a stale interrupt, if any, acks as spurious */
    }
    write_sysreg(cnthp_cval_el2, deadline);
    write_sysreg(cnthp_ctl_el2, CTL_ENABLE);
    isb();                      /* a past deadline asserts before we go on */
}

void timer_quiesce(void)
{
    write_sysreg(cnthp_ctl_el2, 0);
    isb();                      /* the line drops before the EOI */
}
