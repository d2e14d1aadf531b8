/* Leaving the kernel to EL0: hypercalls and everything else return the
 * same way, restoring the whole frame (entry.S), so a hypercall keeps
 * every register it does not define as output (interface §6.2). */
#pragma once
#include "uregs.h"

_Noreturn void aarch64_ret_user(uregs_t *r);

#define arch_ret_hypercall(ec) aarch64_ret_user(&(ec)->regs)
#define arch_ret_exception(ec) aarch64_ret_user(&(ec)->regs)
