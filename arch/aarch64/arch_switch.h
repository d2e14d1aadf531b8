/* The EC switch on the IPC path, inline: the EL0 read-only thread
 * register, FP ownership, and the host space only when the PD changes
 * (out of line, like the first switch of a CPU). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "aarch64.h"
#include "hpt_arch.h"
#include "sysreg.h"

struct ec;

/* The part that changes with the PD (and a CPU's first EC). */
void arch_space_switch(const struct ec *next);

#define arch_ec_switch(prev, next)                                            \
    do {                                                                      \
        const struct ec *p_ = (prev);                                         \
        struct ec *n_ = (next);                                               \
        write_sysreg(tpidrro_el0, n_->regs.tpidrro);                          \
        fpu_switch_to(cpu_self(), n_);                                        \
        if (!p_ || p_->pd != n_->pd)                                          \
            arch_space_switch(n_);                                            \
    } while (0)

static inline bool arch_user_ip_ok(uint64_t ip)
{
    return ip < HPT_USER_END;
}
