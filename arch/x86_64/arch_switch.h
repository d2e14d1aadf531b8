/* The EC switch on the IPC path, inline: the entry frame (the TSS's
 * RSP0, in the per-CPU block), CR0.TS for lazy FPU, and the address space and I/O
 * bitmap only when the PD changes. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "cpu_setup.h"
#include "fpu.h"
#include "hpt_arch.h"
#include "segments.h"

struct ec;

/* The part that changes with the PD (out of line: rare on the fast path). */
void arch_space_switch(const struct ec *next);

static inline __attribute__((always_inline)) void arch_ec_switch_frame(uint64_t top)
{
    __asm__ volatile("mov %0, %%gs:%c1" : : "r"(top), "i"(CPU_TSS_RSP0) : "memory");
}

#define arch_ec_switch(prev, next)                                            \
    do {                                                                      \
        const struct ec *p_ = (prev);                                         \
        struct ec *n_ = (next);                                               \
        arch_ec_switch_frame((uint64_t)(uintptr_t)(&n_->regs + 1));           \
        fpu_switch(n_);                                                       \
        if (!p_ || p_->pd != n_->pd)                                          \
            arch_space_switch(n_);                                            \
    } while (0)

static inline bool arch_user_ip_ok(uint64_t ip)
{
    return ip < HPT_USER_END;
}
