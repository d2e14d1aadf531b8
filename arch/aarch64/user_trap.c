/* Exceptions from EL0 other than hypercalls (entry.S): FP/SIMD accesses
 * of F=1 ECs and proxied SMCs are handled here; everything else is an
 * event whose number is ESR_EL2.EC (interface §5.9), with ESR and FAR
 * kept for the UTCB (EL2_ESR_FAR). */
#include "aarch64.h"
#include "arch_ec.h"
#include "ec.h"
#include "ipc.h"
#include "kernel_lock.h"
#include "panic.h"
#include "sysreg.h"

enum { EC_FP_ACCESS = 0x07, EC_SVC64 = 0x15, EC_SERROR = 0x2f };

_Noreturn void aarch64_user_sync(uint64_t esr);
_Noreturn void aarch64_user_async(uint64_t kind);

/* FAR_EL2 is defined for aborts (unless ISS.FnV), PC alignment faults
 * and watchpoints; it reads as 0 otherwise (§3.7 impl. note). */
static bool far_valid(unsigned cls, uint64_t esr)
{
    switch (cls) {
    case 0x20: case 0x21: case 0x24: case 0x25:
        return !(esr & (1u << 10));
    case 0x22: case 0x34: case 0x35:
        return true;
    default:
        return false;
    }
}

void aarch64_user_sync(uint64_t esr)
{
    kernel_lock();                          /* released on the way back to EL0 */
    struct ec *ec = ec_current();
    unsigned cls = (unsigned)ESR_EC(esr);
    if (cls == EC_FP_ACCESS && fpu_claim(ec))
        aarch64_ret_user(&ec->regs);        /* retry with its FP state */
    if (cls == EC_SVC64 && (esr & 0xffff) == 1 && proxy_smc(ec))
        aarch64_ret_user(&ec->regs);
    ec->regs.esr = esr;
    ec->regs.far = far_valid(cls, esr) ? read_sysreg(far_el2) : 0;
    ec->cont = ec_ret_exception;
    ipc_event(ec, cls);
}

void aarch64_user_async(uint64_t kind)
{
    kernel_lock();
    struct ec *ec = ec_current();
    if (kind == 3) {                        /* SError: the EC's exception */
        ec->regs.esr = read_sysreg(esr_el2);
        ec->regs.far = 0;
        ec->cont = ec_ret_exception;
        ipc_event(ec, EC_SERROR);
    }
    /* Every interrupt is group 1 (IRQ): an FIQ is a kernel bug. */
    panic("unexpected FIQ (kind %lu) from EL0 at ELR 0x%lx", (unsigned long)kind,
          (unsigned long)ec->regs.pc);
}
