/* User register state of an EC on aarch64. The first UREGS_FRAME bytes
 * are what entry.S saves on every entry from EL0 and restores on every
 * return; the rest changes only on an EC switch or an exception. FP/SIMD
 * state is in struct ec_arch_state. */
#pragma once

#define UREGS_X30 240           /* x30, then SP_EL0 */
#define UREGS_PC 256            /* ELR_EL2, then SPSR_EL2 */
#define UREGS_TPIDR 272         /* TPIDR_EL0 */
#define UREGS_FRAME 288         /* while an EC runs, SP_EL2 = its regs + this */

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef struct uregs {
    uint64_t x[31];
    uint64_t sp;                /* SP_EL0 */
    uint64_t pc;                /* ELR_EL2: where EL0 resumes */
    uint64_t spsr;              /* SPSR_EL2: always EL0t (M = 0) */
    uint64_t tpidr;             /* TPIDR_EL0, user-writable */
    uint64_t tpidrro;           /* TPIDRRO_EL0, loaded on a switch */
    uint64_t esr, far;          /* the last exception's ESR_EL2/FAR_EL2 */
} __attribute__((aligned(16))) uregs_t;

_Static_assert(__builtin_offsetof(uregs_t, x[30]) == UREGS_X30, "entry.S offset");
_Static_assert(__builtin_offsetof(uregs_t, pc) == UREGS_PC, "entry.S offset");
_Static_assert(__builtin_offsetof(uregs_t, tpidr) == UREGS_TPIDR, "entry.S offset");
_Static_assert(__builtin_offsetof(uregs_t, esr) == UREGS_FRAME, "entry.S offset");

/* SPSR_EL2 bits a handler may change (interface §3.7: NZCV only). */
#define SPSR_NZCV 0xF0000000ull

/* Hypercall parameter i (0..4) is Xi; outputs 0..2 in X0..X2 (§6.2). */
static inline uint64_t *uregs_param(uregs_t *r, unsigned i) { return &r->x[i]; }

static inline uint64_t uregs_ip(const uregs_t *r) { return r->pc; }
static inline void uregs_set_ip(uregs_t *r, uint64_t ip) { r->pc = ip; }
static inline uint64_t uregs_sp(const uregs_t *r) { return r->sp; }
static inline void uregs_set_sp(uregs_t *r, uint64_t sp) { r->sp = sp; }

/* A fresh user context at ip/sp: AArch64 EL0t, DAIF clear. */
static inline void uregs_init(uregs_t *r, uint64_t ip, uint64_t sp)
{
    *r = (uregs_t){0};
    r->pc = ip;
    r->sp = sp;
}

/* The arguments a portal handler receives (interface §6.4): PID, MTD. */
static inline void uregs_set_portal_args(uregs_t *r, uint64_t pid, uint64_t mtd)
{
    r->x[0] = pid;
    r->x[1] = mtd;
}
#endif
