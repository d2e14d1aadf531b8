/* Ending the root task with a verdict (doc/libnova.md, "Exit"):
 *  x86_64: QEMU isa-debug-exit at port 0xF4 (taken with ctrl_pd at start):
 *          0x10 -> status 33 (pass), 0x11 -> 35 (fail).
 *  aarch64: semihosting SYS_EXIT from EL0 (QEMU -semihosting-config
 *          userspace=on) with 33/35; where that traps, the monitor powers
 *          off with ctrl_hw S5 (QEMU then exits 0: judge by the END line).
 * If the machine is still running afterwards, the root parks. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define NOVA_EXIT_PASS 33
#define NOVA_EXIT_FAIL 35

/* Obtains what the exit needs (x86: port 0xF4); returns the status. */
unsigned nova_exit_init(void);
_Noreturn void nova_exit(bool pass);

/* For the monitor: whether ip is the exit instruction that trapped (then
 * the fallback has run and the caller resumes past it). */
bool nova_exit_trapped(uint64_t ip);
