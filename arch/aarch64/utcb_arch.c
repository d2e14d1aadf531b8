/* The architectural UTCB of host ECs (interface §3.7, §3.8): what an
 * event handler reads and writes of the EC that raised the event. */
#include "arch_ec.h"
#include "ec.h"
#include <string.h>

/* UTCB offsets (§3.8). */
enum { U_X = 0x000, U_SP_EL0 = 0x0F8, U_TPIDR = 0x100, U_TPIDRRO = 0x108,
       U_ELR = 0x1E0, U_SPSR = 0x1E8, U_ESR = 0x1F0, U_FAR = 0x1F8 };
/* MTD bits of host state (§3.7); guest-only bits are ignored for host
 * ECs, FPR (3) has no defined state. */
enum { MTD_POISON = 1u << 0, MTD_ICI = 1u << 1, MTD_GPR = 1u << 2, MTD_EL0_SP = 1u << 4,
       MTD_EL0_IDR = 1u << 5, MTD_EL2_ELR_SPSR = 1u << 25, MTD_EL2_ESR_FAR = 1u << 26 };

static void put64(void *utcb, unsigned off, uint64_t v) { memcpy((char *)utcb + off, &v, 8); }
static uint64_t get64(const void *utcb, unsigned off)
{
    uint64_t v;
    memcpy(&v, (const char *)utcb + off, 8);
    return v;
}

void arch_utcb_save(const struct ec *ec, void *utcb, uint32_t mtd)
{
    const uregs_t *r = &ec->regs;
    if (mtd & MTD_GPR)
        memcpy((char *)utcb + U_X, r->x, sizeof r->x);
    if (mtd & MTD_EL0_SP)
        put64(utcb, U_SP_EL0, r->sp);
    if (mtd & MTD_EL0_IDR) {
        put64(utcb, U_TPIDR, r->tpidr);
        put64(utcb, U_TPIDRRO, r->tpidrro);
    }
    if (mtd & MTD_EL2_ELR_SPSR) {
        put64(utcb, U_ELR, r->pc);
        put64(utcb, U_SPSR, r->spsr);
    }
    if (mtd & MTD_EL2_ESR_FAR) {
        put64(utcb, U_ESR, r->esr);
        put64(utcb, U_FAR, r->far);
    }
}

bool arch_utcb_load(struct ec *ec, const void *utcb, uint32_t mtd)
{
    uregs_t *r = &ec->regs;
    if (mtd & MTD_POISON)
        return false;
    if (mtd & MTD_EL2_ELR_SPSR) {
        uint64_t ip = get64(utcb, U_ELR);
        if (!arch_user_ip_ok(ip))
            return false;
        r->pc = ip;
        r->spsr = (r->spsr & ~SPSR_NZCV) | (get64(utcb, U_SPSR) & SPSR_NZCV);
    }
    if (mtd & MTD_GPR)
        memcpy(r->x, (const char *)utcb + U_X, sizeof r->x);
    if (mtd & MTD_EL0_SP)
        r->sp = get64(utcb, U_SP_EL0);
    if (mtd & MTD_EL0_IDR) {
        r->tpidr = get64(utcb, U_TPIDR);
        r->tpidrro = get64(utcb, U_TPIDRRO);
    }
    if (mtd & MTD_ICI) {
        /* The whole local instruction cache (matters for VIPT I-caches). */
        __asm__ volatile("ic iallu; dsb nsh; isb" ::: "memory");
    }
    return true;
}
