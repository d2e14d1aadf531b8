/* aarch64 event numbers (spec 5.9): host exceptions and guest intercepts
 * use the ESR_EL2 exception class; the portal selector is the affected
 * EC's SEL_EVT + number. "NOVA may handle" marks classes the kernel can
 * consume without a portal traversal. 0x02, 0x0B, 0x0F, 0x10, 0x14, 0x1F,
 * 0x23, 0x29..0x2B, 0x2D, 0x2E, 0x36, 0x37, 0x39, 0x3B, 0x3D..0x3F are
 * reserved. */
#pragma once

enum nova_a64_ec {
    NOVA_A64_EC_UNKNOWN = 0x00,
    NOVA_A64_EC_WFX = 0x01,
    NOVA_A64_EC_MCR_MRC_CP15 = 0x03,
    NOVA_A64_EC_MCRR_MRRC_CP15 = 0x04,
    NOVA_A64_EC_MCR_MRC_CP14 = 0x05,
    NOVA_A64_EC_LDC_STC = 0x06,
    NOVA_A64_EC_FP_ACCESS = 0x07,        /* impl.: handled by NOVA when F=1 */
    NOVA_A64_EC_VMRS = 0x08,
    NOVA_A64_EC_PAUTH_INSN = 0x09,
    NOVA_A64_EC_LD64B = 0x0A,
    NOVA_A64_EC_MRRC_CP14 = 0x0C,
    NOVA_A64_EC_BTI = 0x0D,
    NOVA_A64_EC_ILLEGAL_STATE = 0x0E,
    NOVA_A64_EC_SVC32 = 0x11,
    NOVA_A64_EC_HVC32 = 0x12,
    NOVA_A64_EC_SMC32 = 0x13,
    NOVA_A64_EC_SVC64 = 0x15,            /* NOVA may handle (hypercalls) */
    NOVA_A64_EC_HVC64 = 0x16,
    NOVA_A64_EC_SMC64 = 0x17,
    NOVA_A64_EC_SYSREG = 0x18,           /* trapped MSR/MRS/system instruction */
    NOVA_A64_EC_SVE = 0x19,
    NOVA_A64_EC_ERET = 0x1A,
    NOVA_A64_EC_TSTART = 0x1B,
    NOVA_A64_EC_PAUTH_FAIL = 0x1C,
    NOVA_A64_EC_SME = 0x1D,
    NOVA_A64_EC_GPC = 0x1E,
    NOVA_A64_EC_IABT_LOW = 0x20,
    NOVA_A64_EC_IABT_SAME = 0x21,        /* NOVA may handle */
    NOVA_A64_EC_PC_ALIGN = 0x22,
    NOVA_A64_EC_DABT_LOW = 0x24,
    NOVA_A64_EC_DABT_SAME = 0x25,        /* NOVA may handle */
    NOVA_A64_EC_SP_ALIGN = 0x26,
    NOVA_A64_EC_MOPS = 0x27,
    NOVA_A64_EC_FP32 = 0x28,
    NOVA_A64_EC_FP64 = 0x2C,
    NOVA_A64_EC_SERROR = 0x2F,
    NOVA_A64_EC_BKPT_LOW = 0x30,
    NOVA_A64_EC_BKPT_SAME = 0x31,        /* NOVA may handle */
    NOVA_A64_EC_STEP_LOW = 0x32,
    NOVA_A64_EC_STEP_SAME = 0x33,        /* NOVA may handle */
    NOVA_A64_EC_WATCH_LOW = 0x34,
    NOVA_A64_EC_WATCH_SAME = 0x35,       /* NOVA may handle */
    NOVA_A64_EC_BKPT32 = 0x38,
    NOVA_A64_EC_VECTOR_CATCH = 0x3A,
    NOVA_A64_EC_BRK = 0x3C,
};
#define NOVA_A64_EC_COUNT 0x40u     /* the table spans 0x00..0x3F */
#define NOVA_A64_ESR_EC(esr) (((esr) >> 26) & 0x3Fu)
