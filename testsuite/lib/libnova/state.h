/* Architecture-neutral access to the exception state in a handler's UTCB
 * (architectural layout, spec 3.5 / 3.8) and the MTD bits that move it. */
#pragma once
#include <stdint.h>
#include "nova/arch.h"

#if defined(__x86_64__)
#define NOVA_MTD_IP    NOVA_MTD_X86_RIP
#define NOVA_MTD_SP    NOVA_MTD_X86_GPR_0_7      /* RSP travels with R0..R7 */
#define NOVA_MTD_FAULT NOVA_MTD_X86_QUAL         /* error code, fault address */
#define NOVA_MTD_KILL  NOVA_MTD_X86_POISON
#define NOVA_MTD_STATE (NOVA_MTD_X86_GPR_0_7 | NOVA_MTD_X86_GPR_8_15 | NOVA_MTD_X86_RFLAGS | \
                        NOVA_MTD_X86_RIP | NOVA_MTD_X86_QUAL)
#define NOVA_EVT_UD    NOVA_X86_EXC_UD           /* what nova_raise_ud raises */

static inline uint64_t nova_state_ip(const nova_utcb_arch *u) { return u->rip; }
static inline uint64_t nova_state_sp(const nova_utcb_arch *u) { return u->rsp; }
static inline uint64_t nova_state_addr(const nova_utcb_arch *u) { return u->qual[1]; }
static inline uint64_t nova_state_code(const nova_utcb_arch *u) { return u->qual[0]; }
static inline void nova_state_set_ip(nova_utcb_arch *u, uint64_t ip) { u->rip = ip; }
static inline void nova_state_set_sp(nova_utcb_arch *u, uint64_t sp) { u->rsp = sp; }
#else
#define NOVA_MTD_IP    NOVA_MTD_A64_EL2_ELR_SPSR
#define NOVA_MTD_SP    NOVA_MTD_A64_EL0_SP
#define NOVA_MTD_FAULT NOVA_MTD_A64_EL2_ESR_FAR  /* ESR_EL2, FAR_EL2 */
#define NOVA_MTD_KILL  NOVA_MTD_A64_POISON
#define NOVA_MTD_STATE (NOVA_MTD_A64_GPR | NOVA_MTD_A64_EL0_SP | NOVA_MTD_A64_EL2_ELR_SPSR | \
                        NOVA_MTD_A64_EL2_ESR_FAR)
#define NOVA_EVT_UD    NOVA_A64_EC_UNKNOWN       /* udf: "unknown reason" */

static inline uint64_t nova_state_ip(const nova_utcb_arch *u) { return u->elr_el2; }
static inline uint64_t nova_state_sp(const nova_utcb_arch *u) { return u->sp_el0; }
static inline uint64_t nova_state_addr(const nova_utcb_arch *u) { return u->far_el2; }
static inline uint64_t nova_state_code(const nova_utcb_arch *u) { return u->esr_el2; }
static inline void nova_state_set_ip(nova_utcb_arch *u, uint64_t ip) { u->elr_el2 = ip; }
static inline void nova_state_set_sp(nova_utcb_arch *u, uint64_t sp) { u->sp_el0 = sp; }
#endif
