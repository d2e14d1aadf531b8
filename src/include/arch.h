/* What every architecture provides to the portable kernel. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Console output of the board UART; blocks until the byte is accepted. */
void arch_console_putc(char c);
/* Waits until every byte written has left the UART (before an exit). */
void arch_console_flush(void);

/* Free-running counter (TSC / CNTPCT) and its frequency in Hz. */
uint64_t arch_counter(void);
uint64_t arch_counter_hz(void);

/* Ends the emulated machine (isa-debug-exit / semihosting / PSCI) with the
 * agreed pass or fail status; on hardware it parks the CPU. */
_Noreturn void arch_exit(bool pass);

/* Waits with interrupts enabled until one has been handled (the idle
 * loop); returns with interrupts masked again. */
void arch_idle_wait(void);

/* Parks the CPU forever with interrupts masked. */
_Noreturn void arch_halt(void);

/* Executes one instruction that raises a synchronous exception the trap
 * handler can recover from (ud2 / brk); used by the exception probe. */
void arch_raise_test_exception(void);
/* The vector (x86) or exception class (aarch64) that instruction raises. */
extern const uint64_t arch_test_exception_vector;

/* Reads physical memory through the kernel's direct map: a pointer to
 * [pa, pa+len) or NULL when that range is not mapped (boot parsers). */
const void *arch_phys_map(uint64_t pa, uint64_t len);

/* Sends byte through the UART's internal loopback and returns what came
 * back: -1 when nothing arrived in time, -2 when there is no usable
 * loopback mode, with *why saying so (the console probe then skips). */
int arch_console_loopback(unsigned char byte, const char **why);
