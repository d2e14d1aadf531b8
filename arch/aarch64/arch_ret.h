/* Leaving the kernel to EL0: hypercalls and everything else return the
 * same way, restoring the whole frame (entry.S), so a hypercall keeps
 * every register it does not define as output (interface §6.2). The
 * jump is a plain branch: nothing on the kernel stack matters any more,
 * and GCC never tail-calls a noreturn function. */
#pragma once
#include "uregs.h"

_Noreturn void aarch64_ret_user(uregs_t *r);

#define aarch64_ret_jump(r) ({                                                \
    register uregs_t *r_ __asm__("x0") = (r);                                 \
    __asm__ volatile("b aarch64_ret_user" ::"r"(r_) : "memory");             \
    __builtin_unreachable();                                                  \
})
#define arch_ret_hypercall(ec) aarch64_ret_jump(&(ec)->regs)
#define arch_ret_exception(ec) aarch64_ret_jump(&(ec)->regs)
