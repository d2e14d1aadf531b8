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

void arch_ec_switch(const struct ec *prev, struct ec *next)
{
    if (!prev && !el0_ready)
        el0_setup();                /* the first EC of this CPU */
    write_sysreg(tpidrro_el0, next->regs.tpidrro);
    fpu_switch_to(next);
    if (!prev || prev->pd != next->pd)
        hpt_activate(&next->pd->hst->hpt);
}

bool arch_user_ip_ok(uint64_t ip)
{
    return ip < HPT_USER_END;
}
