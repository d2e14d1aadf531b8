/* Interfaces between the aarch64 arch files (not used by portable code). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "board_data.h"
#include "cpu_local.h"

/* boot.c, entered from head.S with the MMU off: x0..x2 as the loader
 * left them, el the exception level at entry (3: head.S has dropped to
 * EL2 already). */
_Noreturn void aarch64_boot(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t el);

/* console.c: the active console UART and the drivers behind it. */
void console_uart_use(const struct board_uart *u);
const struct board_uart *console_uart(void);
/* The UART kind a DT compatible string names; UART_NONE when unknown. */
enum uart_kind uart_kind_for_compat(const char *compat);
const char *uart_kind_name(enum uart_kind kind);

/* mmu.c: the EL2 stage-1 identity map, built in 2 MiB / 1 GiB blocks. */
enum mem_attr { MEM_DEVICE, MEM_NORMAL };
/* Maps [base, base+size) rounded out to 2 MiB. Never changes an existing
 * mapping: false when any part is mapped otherwise or out of reach. */
bool mmu_map(uint64_t base, uint64_t size, enum mem_attr attr);
/* Whether all of [pa, pa+len) is mapped as normal memory. */
bool mmu_is_normal(uint64_t pa, uint64_t len);
/* Loads MAIR/TCR/TTBR0_EL2 and turns on the MMU and caches. */
void mmu_enable(void);
uint64_t mmu_root(void);

/* trap.c: while the exit path tries services that may be absent
 * (semihosting, PSCI), an undefined-instruction trap is skipped. */
extern volatile bool trap_skip_undefined;
extern volatile unsigned trap_skipped;     /* how many were skipped */

/* Vector tables (vectors.S). */
extern const char el2_vectors[], el1_vectors[];

/* EL0 host ECs (el0.c, entry.S, fpu.c, user_trap.c). */
struct ec;
struct fpu_state;
/* The EL2 controls for host ECs, set on each CPU before its first EC
 * runs (cpu_local.el0_ready). */
void el0_setup(void);
/* Lazy FP/SIMD switching through CPTR_EL2.TFP (fpu.c), per CPU: the
 * owner and TFP are in cpu_local. */
void fpu_init(void);
/* CPTR_EL2 (E2H = 0): RES1 bits 13..12 and 9..0 (TZ: SVE traps), trace
 * registers trapped (TTA), FP/SIMD trapped while TFP is set. The eret
 * to EL0 synchronizes a change; the kernel itself uses no FP. */
#define CPTR_BASE (0x33ffull | 1ull << 20)
#define CPTR_TFP (1ull << 10)
static inline void fpu_set_trap(struct cpu_local *c, bool trap)
{
    __asm__ volatile("msr cptr_el2, %0" ::"r"(CPTR_BASE | (trap ? CPTR_TFP : 0)) : "memory");
    c->fpu_trapping = trap;
}
/* On a switch: FP traps unless next owns the registers. */
static inline void fpu_switch_to(struct cpu_local *c, const struct ec *next)
{
    bool trap = next != c->fpu_owner;
    if (__builtin_expect(trap != c->fpu_trapping, 0))
        fpu_set_trap(c, trap);
}
/* An FP/SIMD access trapped (EC 0x07): false when ec may not use FP. */
bool fpu_claim(struct ec *ec);
void fpu_save(struct fpu_state *f);        /* fpu.S */
void fpu_load(const struct fpu_state *f);
/* SMCCC call with x[0..17] in and out; false when no firmware answers
 * (the SMC was undefined). smc.c. */
bool smc_call(uint64_t x[18]);
/* proxy_smc (SVC #1): true when done, false for an exception. */
bool proxy_smc(struct ec *ec);

/* timer.c: the EL2 timer on a secondary CPU (its PPI is banked). */
void timer_cpu_init(void);

/* Bounded polling: the counter value timeout_us microseconds from now. */
uint64_t counter_deadline(uint64_t timeout_us);
bool counter_passed(uint64_t deadline);
