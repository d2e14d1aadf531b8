/* Lazy FPU switching: the FPU keeps the state of one EC (the owner);
 * any other EC runs with CR0.TS set, so its first FPU instruction raises
 * #NM, which moves the state over if the EC may use the FPU (F=1) and is
 * otherwise delivered to the EC as an exception event. */
#include "ec.h"
#include "cpu_setup.h"
#include "fpu.h"


void fpu_set_ts(bool on)
{
    struct cpu_local *c = cpu_self();
    if (on == c->fpu_ts_set)
        return;
    uint64_t cr0;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 = on ? cr0 | 8 : cr0 & ~8ull;
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
    c->fpu_ts_set = on;
}

bool fpu_claim(struct ec *ec)
{
    struct cpu_local *c = cpu_self();
    if (!(ec->flags & EC_FPU))
        return false;
    fpu_set_ts(false);
    if (c->fpu_owner) {
        __asm__ volatile("fxsave64 %0" : "=m"(c->fpu_owner->arch.fxsave));
        c->fpu_owner->arch.fpu_valid = true;
    }
    if (ec->arch.fpu_valid)
        __asm__ volatile("fxrstor64 %0" : : "m"(ec->arch.fxsave));
    else {
        static const uint32_t mxcsr = 0x1F80;   /* all exceptions masked */
        __asm__ volatile("fninit; ldmxcsr %0" : : "m"(mxcsr));
    }
    c->fpu_owner = ec;
    return true;
}

void fpu_forget(const struct ec *ec)
{
    /* An EC is bound to one CPU: only that CPU can hold its state. */
    struct cpu_local *c = &cpu_locals[ec->cpu];
    if (c->fpu_owner == ec)
        c->fpu_owner = 0;
}
