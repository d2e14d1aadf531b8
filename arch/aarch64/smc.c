/* Calls into EL3 firmware: proxy_smc for the root PD (interface §6.2)
 * and PSCI for ctrl_hw power states (§4.16, §9). Where no firmware
 * answers (QEMU without EL3 answers only PSCI; a kernel entered at EL3
 * made SMC undefined) the SMC traps as undefined and is skipped. */
#include "aarch64.h"
#include "arch.h"
#include "console.h"
#include "hypercall.h"
#include "pd.h"

#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u

void aarch64_smc(uint64_t x[18]);       /* smc.S */

bool smc_call(uint64_t x[18])
{
    if (board.psci == PSCI_NONE)
        return false;
    unsigned skipped = trap_skipped;
    trap_skip_undefined = true;
    aarch64_smc(x);
    trap_skip_undefined = false;
    return trap_skipped == skipped;
}

/* Services the root may reach (§6.2): service = bits 29..24, function =
 * bits 15..0. */
static bool smc_permitted(uint64_t fid)
{
    unsigned service = (fid >> 24) & 0x3f, fn = fid & 0xffff;
    if (service == 0x02)                                /* SiP */
        return true;
    if (service == 0x04)                                /* TRNG, PCI configuration */
        return (fn >= 0x50 && fn <= 0x5f) || (fn >= 0x130 && fn <= 0x13f);
    return service >= 0x30 && service <= 0x3f;          /* trusted apps and OS */
}

bool proxy_smc(struct ec *ec)
{
    if (ec->pd != root_pd || !smc_permitted(ec->regs.x[0] & 0xffffffffu))
        return false;
    uint64_t x[18];
    for (unsigned i = 0; i < 18; i++)
        x[i] = ec->regs.x[i];
    x[0] &= 0xffffffffu;
    if (!smc_call(x))
        return false;
    for (unsigned i = 0; i < 18; i++)
        ec->regs.x[i] = x[i];
    return true;
}

/* ctrl_hw OP=0 (§4.16): S4/S5 power off, 7 resets; the deep states do
 * not come back. S1..S3 (suspend) are not supported yet. */
enum status arch_ctrl_hw_sstate(uint64_t desc)
{
    unsigned s = desc & 7;
    if (s != 4 && s != 5 && s != 7)
        return BAD_FTR;
    kprintf("power: S%u requested by the root PD: PSCI %s\n", s,
            s == 7 ? "SYSTEM_RESET" : "SYSTEM_OFF");
    arch_console_flush();
    uint64_t x[18] = {s == 7 ? PSCI_SYSTEM_RESET : PSCI_SYSTEM_OFF};
    smc_call(x);
    return BAD_FTR;                     /* the firmware did not do it */
}
