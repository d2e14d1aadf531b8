/* Leaving the kernel to user mode: SYSRET after a hypercall (RFLAGS
 * becomes 0x202, interface §6.3), IRET for everything else. */
#pragma once
#include "uregs.h"

_Noreturn void x86_return_sysret(uregs_t *f);
_Noreturn void x86_return_iret(uregs_t *f);
_Noreturn void x86_return_portal(uregs_t *f);

/* Light hypercall entries keep every register (hypercall.h). */
#define ARCH_LIGHT_ENTRY __attribute__((no_caller_saved_registers))

#define arch_ret_hypercall(ec) x86_return_sysret(&(ec)->regs)
#define arch_ret_exception(ec) x86_return_iret(&(ec)->regs)
/* Portal entry: only SP, PID, MTD and IP are defined (interface §6.4). */
#define arch_ret_portal(ec) x86_return_portal(&(ec)->regs)
