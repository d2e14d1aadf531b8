/* This CPU's number, inline: one load through GS. */
#pragma once
#include "cpu_local.h"

static inline unsigned arch_cpu_id(void)
{
    uint64_t id;
    __asm__("mov %%gs:%c1, %0" : "=r"(id) : "i"(CPU_ID));
    return (unsigned)id;
}

static inline struct percpu *arch_this_percpu(void)
{
    struct percpu *p;
    __asm__("mov %%gs:%c1, %0" : "=r"(p) : "i"(__builtin_offsetof(struct cpu_local, percpu)));
    return p;
}
