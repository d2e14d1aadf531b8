/* Per-EC state only aarch64 needs: the FP/SIMD registers, switched
 * lazily (fpu.c). */
#pragma once
#include <stdint.h>

struct fpu_state {
    uint64_t q[64];             /* q0..q31, low half first */
    uint32_t fpsr, fpcr;
};

struct ec_arch_state {
    struct fpu_state fpu __attribute__((aligned(16)));
};
