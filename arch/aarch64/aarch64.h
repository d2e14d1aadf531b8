/* Interfaces between the aarch64 arch files (not used by portable code). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "board_data.h"

/* boot.c, entered from head.S with the MMU off. el is the exception level
 * at entry (3: head.S has dropped to EL2 already). */
_Noreturn void aarch64_boot(uint64_t x0, uint64_t x1, uint64_t el);

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

/* Vector tables (vectors.S). */
extern const char el2_vectors[], el1_vectors[];

/* Bounded polling: the counter value timeout_us microseconds from now. */
uint64_t counter_deadline(uint64_t timeout_us);
bool counter_passed(uint64_t deadline);
