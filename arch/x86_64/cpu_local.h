/* Per-CPU kernel state, reached through GS in the kernel (swapgs on
 * entry from user mode). Offsets are used by the entry assembly. */
#pragma once

#define CPU_SELF 0
#define CPU_USER_RSP 8
#define CPU_FRAME_TOP 16
#define CPU_KSTACK_TOP 24
#define CPU_ID 32

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

struct ec;
struct sc;
struct tss;
struct percpu;

struct cpu_local {
    struct cpu_local *self;
    uint64_t user_rsp;        /* scratch during syscall entry */
    uint64_t frame_top;       /* end of the current EC's register frame */
    uint64_t kstack_top;
    uint64_t id;              /* CPU number, 0 = boot CPU */
    const void *active_space; /* host page table in CR3 */
    const void *loaded_pio;   /* PIO space whose bits the TSS holds */
    struct ec *fpu_owner;     /* whose state the FPU holds */
    bool fpu_ts_set;
    struct tss *tss;
    struct percpu *percpu;    /* this CPU's portable state (percpu.h) */
};

_Static_assert(__builtin_offsetof(struct cpu_local, user_rsp) == CPU_USER_RSP, "asm offset");
_Static_assert(__builtin_offsetof(struct cpu_local, frame_top) == CPU_FRAME_TOP, "asm offset");
_Static_assert(__builtin_offsetof(struct cpu_local, kstack_top) == CPU_KSTACK_TOP, "asm offset");
_Static_assert(__builtin_offsetof(struct cpu_local, id) == CPU_ID, "asm offset");

/* This CPU's block, through GS (its first field points at itself). */
static inline struct cpu_local *cpu_self(void)
{
    struct cpu_local *c;
    __asm__("mov %%gs:0, %0" : "=r"(c));
    return c;
}
#endif
