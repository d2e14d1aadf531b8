/* The verdict exit and, when it does not end the machine, parking. */
#include "libnova/exit.h"
#include "libnova/alloc.h"
#include "libnova/boot.h"
#include "libnova/console.h"
#include "libnova/hc.h"
#include "libnova/io.h"
#include "libnova/rt.h"
#include "nova/ctrl_hw.h"

#if defined(__x86_64__)
#define DEBUG_EXIT_PORT 0xF4u

static bool have_port;

unsigned nova_exit_init(void)
{
    unsigned s = nova_boot_ports(DEBUG_EXIT_PORT, 2);   /* isa-debug-exit: 4 ports */
    have_port = s == 0;
    return s;
}

static void machine_exit(bool pass)
{
    if (have_port)      /* without the capability OUT would fault */
        nova_outb(DEBUG_EXIT_PORT, pass ? 0x10 : 0x11);   /* QEMU: (v << 1) | 1 */
}

bool nova_exit_trapped(uint64_t ip)
{
    (void)ip;
    return false;
}
#else
struct semihost_exit {
    uint64_t reason, code;
};
void nova_semihost_exit(const struct semihost_exit *blk);   /* exit.S */
extern const char nova_semihost_insn[];

unsigned nova_exit_init(void)
{
    return 0;
}

static void machine_exit(bool pass)
{
    static struct semihost_exit blk;
    blk.reason = 0x20026;      /* ADP_Stopped_ApplicationExit */
    blk.code = pass ? NOVA_EXIT_PASS : NOVA_EXIT_FAIL;
    nova_semihost_exit(&blk);
}

bool nova_exit_trapped(uint64_t ip)
{
    if (ip != (uintptr_t)nova_semihost_insn)
        return false;
    /* No semihosting for EL0: power off through the kernel (PSCI). */
    nova_ctrl_hw(NOVA_HW_OP_SSTATE, nova_hw_sstate(NOVA_S5, 0, 0));
    return true;
}
#endif

void nova_exit(bool pass)
{
    nova_console_flush();
    machine_exit(pass);
    /* Still here (hardware, or the exit device is missing): block for good
     * so the CPU idles; spin only if even that fails. */
    nova_sel sm = nova_sel_alloc(0);
    if (sm && nova_create_sm(sm, nova_rt.pd, 0) == 0)
        for (;;)
            nova_sm_down(sm, 0);
    for (;;)
        ;
}
