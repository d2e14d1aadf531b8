/* Per-CPU kernel state of aarch64. Each CPU's block is its kernel stack
 * followed by its struct cpu_local; TPIDR_EL2 points at the cpu_local,
 * which is also the stack top, so the entry path's "mov sp, TPIDR_EL2"
 * finds the stack and C finds the block with one system register read. */
#pragma once

#define KSTACK_SIZE 16384

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

struct ec;
struct hpt;
struct percpu;

/* How many interrupts were taken: from EL0, in the kernel (idle loop),
 * of them the timer's, and acknowledgements that found nothing. */
struct irq_stats {
    unsigned long user, kernel, timer, spurious;
};

struct cpu_local {
    unsigned id;                    /* CPU number, 0 = the boot CPU */
    bool el0_ready;                 /* EL2 controls for host ECs set (el0.c) */
    bool fpu_trapping;              /* CPTR_EL2.TFP */
    struct ec *fpu_owner;           /* whose state the FP registers hold */
    const struct hpt *hpt_active;   /* the space VTTBR_EL2 holds */
    uint64_t mpidr;                 /* MPIDR_EL1 affinity (Aff3, Aff2..0) */
    struct irq_stats irq;
    struct percpu *percpu;          /* this CPU's portable state (percpu.h) */
};

struct cpu_block {
    uint8_t stack[KSTACK_SIZE];
    struct cpu_local local;
} __attribute__((aligned(16)));

extern struct cpu_block cpu_blocks[];

static inline struct cpu_local *cpu_self(void)
{
    struct cpu_local *c;
    __asm__("mrs %0, tpidr_el2" : "=r"(c));
    return c;
}

static inline struct cpu_local *cpu_of(unsigned cpu) { return &cpu_blocks[cpu].local; }
#endif
