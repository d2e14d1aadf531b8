/* FP/SIMD for host ECs, switched lazily. The registers hold the state of
 * one owner EC per CPU; CPTR_EL2.TFP traps every other EC's first FP
 * access (EC 0x07). An EC created with F=1 then takes the registers over
 * (the old owner's state is saved into its struct ec_arch_state); any
 * other EC gets the access as an exception event (interface §1.3, §5.9
 * impl. note). An EC is bound to one CPU, so only that CPU can hold its
 * state. */
#include "aarch64.h"
#include "arch_ec.h"
#include "ec.h"
#include "sysreg.h"

_Static_assert(__builtin_offsetof(struct fpu_state, fpsr) == 512, "fpu.S offset");

void fpu_init(void)
{
    fpu_set_trap(cpu_self(), true);
}

bool fpu_claim(struct ec *ec)
{
    struct cpu_local *c = cpu_self();
    if (!(ec->flags & EC_FPU))
        return false;
    fpu_set_trap(c, false);
    isb();
    if (c->fpu_owner)
        fpu_save(&c->fpu_owner->arch.fpu);
    fpu_load(&ec->arch.fpu);
    c->fpu_owner = ec;
    return true;
}

void arch_ec_destroy(struct ec *ec)
{
    struct cpu_local *c = cpu_of(ec->cpu);
    if (c->fpu_owner == ec)
        c->fpu_owner = 0;
}
