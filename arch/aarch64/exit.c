/* Ending the machine: semihosting SYS_EXIT gives an emulator the exit
 * status (33 pass, 35 fail, as the runner expects); PSCI SYSTEM_OFF powers
 * off (QEMU: status 0) where semihosting is absent; hardware parks. */
#include "aarch64.h"
#include "arch.h"
#include "sysreg.h"

#define SEMIHOST_SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define PSCI_SYSTEM_OFF 0x84000008u
#define EXIT_PASS 33
#define EXIT_FAIL 35

/* Without semihosting enabled, QEMU treats HLT as undefined: the trap
 * handler skips it while trap_skip_undefined is set. */
static void semihost_exit(uint64_t code)
{
    uint64_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, code};
    register uint64_t x0 __asm__("x0") = SEMIHOST_SYS_EXIT;
    register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

/* At EL2 only SMC reaches the PSCI firmware (an HVC would trap to
 * ourselves). At EL1 (wrong-EL report) the firmware is at EL2 or EL3. */
static void psci_system_off(void)
{
    register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;
    if (board.psci == PSCI_NONE)
        return;
    if (current_el() == 1)
        __asm__ volatile("hvc #0" : "+r"(x0) :: "x1", "x2", "x3", "memory");
    else
        __asm__ volatile("smc #0" : "+r"(x0) :: "x1", "x2", "x3", "memory");
}

void arch_exit(bool pass)
{
    arch_console_flush();
    trap_skip_undefined = true;
    semihost_exit(pass ? EXIT_PASS : EXIT_FAIL);
    psci_system_off();
    arch_halt();
}

void arch_halt(void)
{
    __asm__ volatile("msr daifset, #0xf" ::: "memory");
    for (;;)
        __asm__ volatile("wfi" ::: "memory");
}
