/* Memory attribute descriptor (spec 3.10): used only when ctrl_pd takes
 * memory from the NOVA host space. Invalid encodings give BAD_PAR. Both
 * architectures' encodings are here; nova/arch.h picks the native one. */
#pragma once
#include <stdint.h>

/* x86-64: CA 2..0, KI 17..3 (≤ KI_MAX from the HIP), 31..18 ignored. */
enum nova_mad_x86_ca {
    NOVA_MAD_X86_WB = 0,
    NOVA_MAD_X86_WT = 1,
    NOVA_MAD_X86_WC = 2,
    NOVA_MAD_X86_UC = 3,
    NOVA_MAD_X86_WP = 4,
    /* 5..7 reserved */
};
#define NOVA_MAD_X86_CA_FIRST_RESERVED 5u
#define NOVA_MAD_X86_KI_SHIFT 3
#define NOVA_MAD_X86_KI_MAX   0x7FFFu

static inline uint32_t nova_mad_x86(unsigned ca, unsigned ki)
{
    return (ca & 7u) | (uint32_t)(ki & NOVA_MAD_X86_KI_MAX) << NOVA_MAD_X86_KI_SHIFT;
}

/* aarch64: CA 2..0, SH 4..3, 31..5 ignored. */
enum nova_mad_arm_ca {
    NOVA_MAD_ARM_DEV     = 0,   /* Device-nGnRnE */
    NOVA_MAD_ARM_DEV_E   = 1,   /* Device-nGnRE */
    NOVA_MAD_ARM_DEV_RE  = 2,   /* Device-nGRE */
    NOVA_MAD_ARM_DEV_GRE = 3,   /* Device-GRE */
    /* 4 reserved */
    NOVA_MAD_ARM_MEM_NC  = 5,   /* Normal, inner/outer non-cacheable */
    NOVA_MAD_ARM_MEM_WT  = 6,   /* Normal, inner/outer write-through */
    NOVA_MAD_ARM_MEM_WB  = 7,   /* Normal, inner/outer write-back */
};
#define NOVA_MAD_ARM_CA_RESERVED 4u

enum nova_mad_arm_sh {
    NOVA_MAD_ARM_SH_NONE  = 0,
    /* 1 reserved */
    NOVA_MAD_ARM_SH_OUTER = 2,
    NOVA_MAD_ARM_SH_INNER = 3,
};
#define NOVA_MAD_ARM_SH_RESERVED 1u
#define NOVA_MAD_ARM_SH_SHIFT 3

static inline uint32_t nova_mad_arm(unsigned ca, unsigned sh)
{
    return (ca & 7u) | (uint32_t)(sh & 3u) << NOVA_MAD_ARM_SH_SHIFT;
}
