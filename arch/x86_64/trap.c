/* Exception dispatch: expected exceptions resume, others end in a panic
 * with the full register state. */
#include "console.h"
#include "exception.h"
#include "panic.h"
#include "ioapic.h"
#include "kernel_lock.h"
#include "lapic.h"
#include "trap_frame.h"

enum { VEC_UD = 6, VEC_PF = 14 };

static const char *const names[32] = {
    "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
    "#BR bound range", "#UD invalid opcode", "#NM device not available",
    "#DF double fault", "coprocessor overrun", "#TS invalid TSS",
    "#NP segment not present", "#SS stack fault", "#GP general protection",
    "#PF page fault", "reserved", "#MF x87 error", "#AC alignment check",
    "#MC machine check", "#XM SIMD error", "#VE virtualization", "#CP control protection",
};

static uint64_t read_cr2(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static uint64_t read_cr3(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}

static void dump(const struct trap_frame *f)
{
    kprintf("trap: vector %lu (%s) error 0x%lx\n", (unsigned long)f->vector,
            f->vector < 32 && names[f->vector] ? names[f->vector] : "reserved",
            (unsigned long)f->error);
    kprintf("trap: rip %016lx cs %04lx rflags %016lx rsp %016lx ss %04lx\n",
            f->rip, f->cs, f->rflags, f->rsp, f->ss);
    kprintf("trap: cr2 %016lx cr3 %016lx\n", read_cr2(), read_cr3());
    kprintf("trap: rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
    kprintf("trap: rsi %016lx rdi %016lx rbp %016lx r8  %016lx\n", f->rsi, f->rdi, f->rbp, f->r8);
    kprintf("trap: r9  %016lx r10 %016lx r11 %016lx r12 %016lx\n", f->r9, f->r10, f->r11, f->r12);
    kprintf("trap: r13 %016lx r14 %016lx r15 %016lx\n", f->r13, f->r14, f->r15);
    if (!(f->cs & 3)) {       /* kernel stack: the words an IRET would take */
        const uint64_t *sp = (const uint64_t *)(uintptr_t)f->rsp;
        kprintf("trap: stack %016lx %016lx %016lx %016lx %016lx\n", sp[0], sp[1], sp[2], sp[3], sp[4]);
    }
}

bool x86_interrupt(unsigned vector)
{
    if (vector == VEC_SPURIOUS || vector == 0x27 || vector == 0x2F)
        return false;                 /* spurious: LAPIC or the masked PICs */
    if (x86_device_interrupt(vector))
        return true;                  /* EOI'd; its semaphore went up */
    lapic_eoi();
    return vector == VEC_TIMER || vector == VEC_RESCHED;
}

/* An interrupt taken in the kernel (only the idle loop runs with them
 * enabled): handle it; the idle loop then looks at its queues again. */
static void kernel_interrupt(const struct trap_frame *f)
{
    kernel_lock();                    /* the idle loop runs without it */
    x86_interrupt((unsigned)f->vector);
    kernel_unlock();
}

void x86_trap(struct trap_frame *f)
{
    if (f->vector >= 32) {
        kernel_interrupt(f);
        return;
    }
    /* Only a ud2 (0f 0b) can be skipped safely: we know its length. */
    const unsigned char *insn = (const unsigned char *)(uintptr_t)f->rip;
    if (f->vector == VEC_UD && insn[0] == 0x0f && insn[1] == 0x0b &&
        exc_recover(f->vector, f->rip, f->error)) {
        f->rip += 2;
        return;
    }
    dump(f);
    panic("unexpected exception vector %lu at rip 0x%lx", (unsigned long)f->vector,
          (unsigned long)f->rip);
}
