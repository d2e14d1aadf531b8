/* This CPU's number, inline: one load through GS. */
#pragma once
#include "cpu_local.h"

static inline unsigned arch_cpu_id(void)
{
    uint64_t id;
    __asm__("mov %%gs:%c1, %0" : "=r"(id) : "i"(CPU_ID));
    return (unsigned)id;
}
