/* FP/SIMD for host ECs, switched lazily. The registers hold the state of
 * one owner EC; CPTR_EL2.TFP traps every other EC's first FP access (EC
 * 0x07). An EC created with F=1 then takes the registers over (the old
 * owner's state is saved into its frame); any other EC gets the access
 * as an exception event (interface §1.3, §5.9 impl. note). */
#include "aarch64.h"
#include "arch_ec.h"
#include "ec.h"
#include "sysreg.h"

_Static_assert(__builtin_offsetof(struct fpu_state, fpsr) == 512, "fpu.S offset");

/* CPTR_EL2 (E2H = 0): RES1 bits 13..12 and 9..0 (TZ: SVE traps), trace
 * registers trapped (TTA), FP/SIMD trapped while TFP is set. */
#define CPTR_BASE (0x33ffull | 1ull << 20)
#define CPTR_TFP (1ull << 10)

static struct ec *owner;
static uint64_t cptr;

static void set_cptr(uint64_t v)
{
    if (v != cptr) {
        write_sysreg(cptr_el2, v);
        cptr = v;
    }
}

void fpu_init(void)
{
    cptr = CPTR_BASE | CPTR_TFP;
    write_sysreg(cptr_el2, cptr);
}

void fpu_switch_to(const struct ec *next)
{
    /* The eret to EL0 synchronizes the change; the kernel uses no FP. */
    set_cptr(CPTR_BASE | (next == owner ? 0 : CPTR_TFP));
}

bool fpu_claim(struct ec *ec)
{
    if (!(ec->flags & EC_FPU))
        return false;
    set_cptr(CPTR_BASE);
    isb();
    if (owner)
        fpu_save(&owner->arch.fpu);
    fpu_load(&ec->arch.fpu);
    owner = ec;
    return true;
}

void arch_ec_destroy(struct ec *ec)
{
    if (owner == ec)
        owner = 0;
}
