/* aarch64 architectural MTD bits (spec 3.7). On an event the portal's MTD
 * selects the state copied into the handler's UTCB; on the reply the
 * handler's MTD selects what is written back. Bits 6, 9, 21, 22 and 28
 * are reserved. */
#pragma once

#define NOVA_MTD_A64_POISON       (1u << 0)   /* w: kill the EC */
#define NOVA_MTD_A64_ICI          (1u << 1)   /* w: invalidate the local VIPT I-cache */
#define NOVA_MTD_A64_GPR          (1u << 2)   /* X0..X30 */
#define NOVA_MTD_A64_FPR          (1u << 3)   /* unconfirmed: no state defined */
#define NOVA_MTD_A64_EL0_SP       (1u << 4)
#define NOVA_MTD_A64_EL0_IDR      (1u << 5)   /* TPIDR_EL0, TPIDRRO_EL0 */
#define NOVA_MTD_A64_A32_SPSR     (1u << 7)   /* guest */
#define NOVA_MTD_A64_A32_DIH      (1u << 8)   /* guest: DACR, IFSR, HSTR */
#define NOVA_MTD_A64_EL1_SP       (1u << 10)
#define NOVA_MTD_A64_EL1_IDR      (1u << 11)
#define NOVA_MTD_A64_EL1_ELR_SPSR (1u << 12)
#define NOVA_MTD_A64_EL1_ESR_FAR  (1u << 13)
#define NOVA_MTD_A64_EL1_AFSR     (1u << 14)
#define NOVA_MTD_A64_EL1_TTBR     (1u << 15)
#define NOVA_MTD_A64_EL1_TCR      (1u << 16)
#define NOVA_MTD_A64_EL1_MAIR     (1u << 17)
#define NOVA_MTD_A64_EL1_VBAR     (1u << 18)
#define NOVA_MTD_A64_EL1_SCTLR    (1u << 19)
#define NOVA_MTD_A64_EL1_MDSCR    (1u << 20)
#define NOVA_MTD_A64_EL2_HCR      (1u << 23)
#define NOVA_MTD_A64_EL2_IDR      (1u << 24)  /* VPIDR_EL2, VMPIDR_EL2 */
#define NOVA_MTD_A64_EL2_ELR_SPSR (1u << 25)  /* host: only SPSR.NZCV writable */
#define NOVA_MTD_A64_EL2_ESR_FAR  (1u << 26)  /* r */
#define NOVA_MTD_A64_EL2_HPFAR    (1u << 27)  /* r, guest */
#define NOVA_MTD_A64_TMR          (1u << 29)
#define NOVA_MTD_A64_GIC          (1u << 30)
#define NOVA_MTD_A64_SPACES       (1u << 31)  /* w: SEL_GST */

/* The groups that carry state for a host EC. */
#define NOVA_MTD_A64_HOST_STATE (NOVA_MTD_A64_GPR | NOVA_MTD_A64_EL0_SP |          \
                                 NOVA_MTD_A64_EL0_IDR | NOVA_MTD_A64_EL2_ELR_SPSR | \
                                 NOVA_MTD_A64_EL2_ESR_FAR)
