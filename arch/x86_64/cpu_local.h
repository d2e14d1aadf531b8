/* Per-CPU kernel state, reached through GS in the kernel (swapgs on
 * entry from user mode). Offsets are used by the entry assembly. */
#pragma once

#define CPU_SELF 0
#define CPU_USER_RSP 8
#define CPU_TSS 128                 /* struct tss, 64-byte aligned */
#define CPU_TSS_RSP0 (CPU_TSS + 4)  /* end of the running EC's register frame */
#define CPU_KSTACK_TOP 16
#define CPU_ID 24

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

#include "segments.h"

struct ec;
struct sc;
struct percpu;

struct cpu_local {
    struct cpu_local *self;
    uint64_t user_rsp;        /* scratch during syscall entry (user RSP, or RAX) */
    uint64_t kstack_top;
    uint64_t id;              /* CPU number, 0 = boot CPU */
    const void *active_space; /* host page table in CR3 */
    const void *loaded_pio;   /* PIO space whose bits the TSS holds */
    struct ec *fpu_owner;     /* whose state the FPU holds */
    bool fpu_ts_set;
    struct percpu *percpu;    /* this CPU's portable state (percpu.h) */
    /* The TSS lives here, so the entry code and the EC switch reach its
     * RSP0 (where traps and SYSCALL save the user state) through GS. */
    struct tss tss __attribute__((aligned(64)));
};

_Static_assert(__builtin_offsetof(struct cpu_local, user_rsp) == CPU_USER_RSP, "asm offset");
_Static_assert(__builtin_offsetof(struct cpu_local, tss) == CPU_TSS, "asm offset");
_Static_assert(__builtin_offsetof(struct tss, rsp) == CPU_TSS_RSP0 - CPU_TSS, "asm offset");
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
