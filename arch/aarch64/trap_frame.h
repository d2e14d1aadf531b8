/* The register state vectors.S saves on every exception (shared with C). */
#pragma once

#define TRAP_FRAME_ELR 256
#define TRAP_FRAME_ESR 272
#define TRAP_FRAME_SIZE 288

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
    uint64_t x[31];         /* x0..x30 */
    uint64_t sp;            /* SP at the exception */
    uint64_t elr, spsr;     /* TRAP_FRAME_ELR */
    uint64_t esr, far;      /* TRAP_FRAME_ESR */
};

_Static_assert(sizeof(struct trap_frame) == TRAP_FRAME_SIZE, "trap frame layout");
_Static_assert(__builtin_offsetof(struct trap_frame, elr) == TRAP_FRAME_ELR, "elr slot");
_Static_assert(__builtin_offsetof(struct trap_frame, esr) == TRAP_FRAME_ESR, "esr slot");

/* Entry index 0..15 of the vector table: EL2 with SP_EL0, EL2 with SP_EL2,
 * lower EL AArch64, lower EL AArch32; each sync, IRQ, FIQ, SError. */
void aarch64_trap(struct trap_frame *f, uint64_t entry);
#endif
