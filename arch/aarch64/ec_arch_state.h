/* Per-EC state only aarch64 needs (FP/SIMD context switching: TBD). */
#pragma once

struct ec_arch_state {
    char unused;
};
