/* aarch64 side of execution contexts: switching the host space, the EL0
 * thread register only the kernel writes, and FP ownership (all per CPU:
 * cpu_local.h). */
#include "aarch64.h"
#include "arch_ec.h"
#include "ec.h"
#include "pd.h"
#include "smp.h"
#include "sysreg.h"

const bool arch_has_pio = false;

void arch_pio_changed(const struct space_pio *s)
{
    (void)s;
}

void arch_space_leave(void)
{
    /* Nothing to do: EL2 does not translate through VTTBR_EL2, and
     * hpt_destroy forgets a dying space on every CPU (hpt_active). */
}

/* The first EC of this CPU: the EL2 controls for EL0 first. The boot
 * CPU's first EC lets the other CPUs into the scheduler (smp.c). */
__attribute__((noinline)) static void first_switch(const struct hpt *h)
{
    el0_setup();
    hpt_activate(h);
    if (!arch_cpu_id())
        smp_release();
}

void arch_space_switch(const struct ec *next)
{
    struct cpu_local *c = cpu_self();
    const struct hpt *h = &next->pd->hst->hpt;
    if (__builtin_expect(!c->el0_ready, 0))
        first_switch(h);
    else if (h != c->hpt_active)
        hpt_activate(h);
}
