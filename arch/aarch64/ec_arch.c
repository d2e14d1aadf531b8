/* aarch64 side of execution contexts: switching the host space, the EL0
 * thread register only the kernel writes, and FP ownership. */
#include "aarch64.h"
#include "arch_ec.h"
#include "ec.h"
#include "pd.h"
#include "sysreg.h"

const bool arch_has_pio = false;

void arch_pio_changed(const struct space_pio *s)
{
    (void)s;
}

/* The first EC of this CPU: the EL2 controls for EL0 first. */
__attribute__((noinline)) static void first_switch(const struct hpt *h)
{
    el0_setup();
    hpt_activate(h);
}

void arch_ec_switch(const struct ec *prev, struct ec *next)
{
    write_sysreg(tpidrro_el0, next->regs.tpidrro);
    fpu_switch_to(next);
    const struct hpt *h = &next->pd->hst->hpt;
    if (__builtin_expect(!prev && !el0_ready, 0))
        first_switch(h);
    else if (h != hpt_active)
        hpt_activate(h);
}

bool arch_user_ip_ok(uint64_t ip)
{
    return ip < HPT_USER_END;
}
