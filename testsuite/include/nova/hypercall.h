/* Hypercall identifiers and their flag bits (spec 4.1, 6.1).
 * The identifier byte is number (bits 3..0) | flags (bits 7..4); it shares
 * the first parameter register with a selector or descriptor in bits 63..8. */
#pragma once
#include <stdint.h>

enum nova_hypercall {
    NOVA_HC_IPC_CALL   = 0x0,
    NOVA_HC_IPC_REPLY  = 0x1,
    NOVA_HC_CREATE_PD  = 0x2,
    NOVA_HC_CREATE_EC  = 0x3,
    NOVA_HC_CREATE_SC  = 0x4,
    NOVA_HC_CREATE_PT  = 0x5,
    NOVA_HC_CREATE_SM  = 0x6,
    NOVA_HC_CTRL_PD    = 0x7,
    NOVA_HC_CTRL_EC    = 0x8,
    NOVA_HC_CTRL_SC    = 0x9,
    NOVA_HC_CTRL_PT    = 0xA,
    NOVA_HC_CTRL_SM    = 0xB,
    NOVA_HC_CTRL_HW    = 0xC,
    NOVA_HC_ASSIGN_INT = 0xD,
    NOVA_HC_ASSIGN_DEV = 0xE,
    NOVA_HC_RESERVED   = 0xF,   /* impl.: BAD_HYP */
};

/* Flag values as they sit in the 4-bit flag field (before the shift). */
#define NOVA_IPC_CALL_T     0x1u   /* fail with TIMEOUT if the callee is busy */

#define NOVA_EC_G           0x1u   /* guest EC (vCPU) */
#define NOVA_EC_T           0x2u   /* host: global thread; guest: time offsetting */
#define NOVA_EC_F           0x4u   /* FPU allowed */

#define NOVA_CTRL_EC_S      0x1u   /* strong recall */

#define NOVA_CTRL_SM_D      0x1u   /* down (else up) */
#define NOVA_CTRL_SM_Z      0x2u   /* down: zero the counter */

#define NOVA_ASSIGN_INT_M   0x1u   /* masked */
#define NOVA_ASSIGN_INT_T   0x2u   /* level (else edge) */
#define NOVA_ASSIGN_INT_P   0x4u   /* active low (else high) */
#define NOVA_ASSIGN_INT_G   0x8u   /* guest-owned */

/* create_pd OP field; 7..15 are reserved (BAD_PAR). */
enum nova_pd_op {
    NOVA_PD_OP_PD  = 0,
    NOVA_PD_OP_OBJ = 1,
    NOVA_PD_OP_HST = 2,
    NOVA_PD_OP_GST = 3,
    NOVA_PD_OP_DMA = 4,
    NOVA_PD_OP_PIO = 5,
    NOVA_PD_OP_MSR = 6,
};
#define NOVA_PD_OP_FIRST_RESERVED 7u

/* ctrl_hw OP field; 1..3 and 8..15 are reserved (BAD_PAR). */
enum nova_hw_op {
    NOVA_HW_OP_SSTATE = 0,
    NOVA_HW_OP_QOS    = 4,
    NOVA_HW_OP_CAT_L3 = 5,
    NOVA_HW_OP_CAT_L2 = 6,
    NOVA_HW_OP_MBA    = 7,
};

#define NOVA_ID_NUM_MASK   0xFu
#define NOVA_ID_FLAG_SHIFT 4
#define NOVA_ID_SEL_SHIFT  8

/* The identifier byte for a hypercall number and its flags. */
static inline uint64_t nova_hc_id(unsigned num, unsigned flags)
{
    return (num & NOVA_ID_NUM_MASK) | (uint64_t)(flags & 0xFu) << NOVA_ID_FLAG_SHIFT;
}

/* First parameter register: selector/descriptor in 63..8, identifier below. */
static inline uint64_t nova_hc_p0(unsigned num, unsigned flags, uint64_t sel)
{
    return sel << NOVA_ID_SEL_SHIFT | nova_hc_id(num, flags);
}
