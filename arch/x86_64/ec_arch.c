/* x86_64 side of execution contexts: switching, leaving the kernel,
 * user traps as events, and the architectural UTCB (interface §3.5). */
#include "arch_ec.h"
#include "cpu_setup.h"
#include "fpu.h"
#include "kernel_lock.h"
#include "timer.h"
#include "ec.h"
#include "ipc.h"
#include "panic.h"
#include "pd.h"
#include "segments.h"
#include <string.h>

const bool arch_has_pio = true;

_Noreturn void x86_user_trap(uregs_t *f);

/* The TSS holds one PIO space's bitmap; switching between a PD with
 * ports and PDs without any costs one store (the bitmap's offset), not
 * an 8 KiB copy. */
__attribute__((noinline, cold)) static void load_pio(struct cpu_local *c,
                                                    const struct space_pio *pio)
{
    tss_load_iomap(pio->allowed);
    c->loaded_pio = pio;
}

static inline void switch_pio(struct cpu_local *c, const struct space_pio *pio)
{
    if (!pio || !pio->ports) {
        c->tss.iomap_base = sizeof(struct tss);      /* beyond the limit: no ports */
        return;
    }
    if (__builtin_expect(pio != c->loaded_pio, 0)) {
        load_pio(c, pio);
        return;
    }
    c->tss.iomap_base = __builtin_offsetof(struct tss, iomap);
}

void arch_pio_changed(const struct space_pio *s)
{
    for (unsigned i = 0; i < CPUS_MAX; i++)
        if (cpu_locals[i].loaded_pio == s)
            cpu_locals[i].loaded_pio = 0;   /* reload on the next switch */
    struct ec *cur = ec_current();
    if (cur && cur->pd->pio == s)
        switch_pio(cpu_self(), s);
}

void arch_space_switch(const struct ec *next)
{
    const struct pd *pd = next->pd;
    const struct hpt *space = &pd->hst->hpt;
    struct cpu_local *c = cpu_self();
    if (space != c->active_space) {
        hpt_load_cr3(space);
        c->active_space = space;
    }
    switch_pio(c, pd->pio);
}

void arch_space_leave(void)
{
    struct cpu_local *c = cpu_self();
    hpt_activate_kernel();
    c->active_space = 0;
}

void x86_user_trap(uregs_t *f)
{
    kernel_lock();
    struct ec *ec = ec_current();
    if (f != &ec->regs)
        panic("trap frame at %p, not in the running EC's frame %p", (void *)f, (void *)&ec->regs);
    if (f->vector >= 32) {            /* an interrupt, not an event */
        if (x86_interrupt((unsigned)f->vector))
            timer_interrupt_user();   /* schedule again */
        x86_return_iret(f);
    }
    if (f->vector == 7 && fpu_claim(ec))
        x86_return_iret(f);          /* #NM: the FPU was only switched */
    if (f->vector == 14) {
        uint64_t cr2;
        __asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
        ec->fault_addr = cr2;
    }
    ec->cont = ec_ret_exception;
    ipc_event(ec, f->vector);
}

/* Architectural UTCB offsets (interface §3.5). */
enum { U_GPR = 0x00, U_RFLAGS = 0x80, U_RIP = 0x88, U_QUAL = 0xA0 };
enum { MTD_POISON = 1u << 0, MTD_GPR_0_7 = 1u << 1, MTD_GPR_8_15 = 1u << 2,
       MTD_RFLAGS = 1u << 3, MTD_RIP = 1u << 4, MTD_QUAL = 1u << 6 };

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
    if (mtd & MTD_GPR_0_7) {
        const uint64_t v[8] = {r->rax, r->rcx, r->rdx, r->rbx, r->rsp, r->rbp, r->rsi, r->rdi};
        memcpy((char *)utcb + U_GPR, v, sizeof v);
    }
    if (mtd & MTD_GPR_8_15) {
        const uint64_t v[8] = {r->r8, r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15};
        memcpy((char *)utcb + U_GPR + 0x40, v, sizeof v);
    }
    if (mtd & MTD_RFLAGS)
        put64(utcb, U_RFLAGS, r->rflags);
    if (mtd & MTD_RIP)
        put64(utcb, U_RIP, r->rip);
    if (mtd & MTD_QUAL) {
        put64(utcb, U_QUAL, r->error);
        put64(utcb, U_QUAL + 8, ec->fault_addr);
    }
}

bool arch_utcb_load(struct ec *ec, const void *utcb, uint32_t mtd)
{
    uregs_t *r = &ec->regs;
    if (mtd & MTD_POISON)
        return false;
    if (mtd & MTD_GPR_0_7) {
        uint64_t v[8];
        memcpy(v, (const char *)utcb + U_GPR, sizeof v);
        r->rax = v[0]; r->rcx = v[1]; r->rdx = v[2]; r->rbx = v[3];
        r->rsp = v[4]; r->rbp = v[5]; r->rsi = v[6]; r->rdi = v[7];
    }
    if (mtd & MTD_GPR_8_15) {
        uint64_t v[8];
        memcpy(v, (const char *)utcb + U_GPR + 0x40, sizeof v);
        r->r8 = v[0]; r->r9 = v[1]; r->r10 = v[2]; r->r11 = v[3];
        r->r12 = v[4]; r->r13 = v[5]; r->r14 = v[6]; r->r15 = v[7];
    }
    if (mtd & MTD_RFLAGS) {
        /* Status and control flags only: VM, VIF, VIP, RF, NT, IOPL clear;
         * IF, AC and reserved bit 1 set (interface §3.4 impl. note). */
        uint64_t f = get64(utcb, U_RFLAGS) & ~(0x20000ull | 0x80000 | 0x100000 | 0x10000 | 0x4000 | 0x3000);
        r->rflags = f | 0x200 | 0x40000 | 0x2;
    }
    if (mtd & MTD_RIP) {
        uint64_t ip = get64(utcb, U_RIP);
        if (!arch_user_ip_ok(ip))
            return false;
        r->rip = ip;
    }
    return true;
}

void arch_ec_destroy(struct ec *ec)
{
    fpu_forget(ec);
}
