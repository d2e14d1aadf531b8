/* Per-CPU kernel state, reached through GS in the kernel (swapgs on
 * entry from user mode). Offsets are used by the entry assembly. */
#pragma once

#define CPU_SELF 0
#define CPU_USER_RSP 8
#define CPU_FRAME_TOP 16
#define CPU_KSTACK_TOP 24

#ifndef __ASSEMBLER__
#include <stdint.h>

struct ec;
struct sc;

struct cpu_local {
    struct cpu_local *self;
    uint64_t user_rsp;        /* scratch during syscall entry */
    uint64_t frame_top;       /* end of the current EC's register frame */
    uint64_t kstack_top;
    struct ec *ec;            /* running EC */
    struct sc *sc;            /* running SC */
    unsigned id;
};

_Static_assert(__builtin_offsetof(struct cpu_local, user_rsp) == CPU_USER_RSP, "asm offset");
_Static_assert(__builtin_offsetof(struct cpu_local, frame_top) == CPU_FRAME_TOP, "asm offset");
_Static_assert(__builtin_offsetof(struct cpu_local, kstack_top) == CPU_KSTACK_TOP, "asm offset");

static inline struct cpu_local *cpu_self(void)
{
    struct cpu_local *c;
    __asm__ volatile("mov %%gs:0, %0" : "=r"(c));
    return c;
}
#endif
