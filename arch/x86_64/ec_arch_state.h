/* Per-EC state only x86_64 needs: the FXSAVE area of the FPU/SSE state. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct ec_arch_state {
    uint8_t fxsave[512] __attribute__((aligned(16)));
    bool fpu_valid;               /* fxsave holds state (else: initial state) */
};
