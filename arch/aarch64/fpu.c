/* FP/SIMD for host ECs, switched lazily. The registers hold the state of
 * one owner EC; CPTR_EL2.TFP traps every other EC's first FP access (EC
 * 0x07). An EC created with F=1 then takes the registers over (the old
 * owner's state is saved into its struct ec_arch_state); any other EC gets
 * the access as an exception event (interface §1.3, §5.9 impl. note). */
#include "aarch64.h"
#include "arch_ec.h"
#include "ec.h"
#include "sysreg.h"

_Static_assert(__builtin_offsetof(struct fpu_state, fpsr) == 512, "fpu.S offset");

struct fpu_cpu fpu_cpu;

void fpu_init(void)
{
    fpu_set_trap(true);
}

bool fpu_claim(struct ec *ec)
{
    if (!(ec->flags & EC_FPU))
        return false;
    fpu_set_trap(false);
    isb();
    if (fpu_cpu.owner)
        fpu_save(&fpu_cpu.owner->arch.fpu);
    fpu_load(&ec->arch.fpu);
    fpu_cpu.owner = ec;
    return true;
}

void arch_ec_destroy(struct ec *ec)
{
    if (fpu_cpu.owner == ec)
        fpu_cpu.owner = 0;
}
