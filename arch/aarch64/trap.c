/* EL2 exception dispatch: expected exceptions resume after the faulting
 * instruction, the exit path's probing of absent services is skipped,
 * anything else is a panic with the whole register state. */
#include "aarch64.h"
#include "arch.h"
#include "console.h"
#include "exception.h"
#include "irq.h"
#include "panic.h"
#include "sysreg.h"
#include "trap_frame.h"

volatile bool trap_skip_undefined;
volatile unsigned trap_skipped;

/* Exception vector entry kinds, in table order. */
static const char *const entry_names[16] = {
    "EL2t sync", "EL2t IRQ", "EL2t FIQ", "EL2t SError",
    "EL2h sync", "EL2h IRQ", "EL2h FIQ", "EL2h SError",
    "lower EL64 sync", "lower EL64 IRQ", "lower EL64 FIQ", "lower EL64 SError",
    "lower EL32 sync", "lower EL32 IRQ", "lower EL32 FIQ", "lower EL32 SError",
};

static const char *ec_name(unsigned ec)
{
    switch (ec) {
    case 0x00: return "unknown/undefined instruction";
    case 0x01: return "WFI/WFE";
    case 0x07: return "FP/SIMD access";
    case 0x0e: return "illegal execution state";
    case 0x15: return "SVC64";
    case 0x16: return "HVC64";
    case 0x17: return "SMC64";
    case 0x18: return "system register access";
    case 0x20: return "instruction abort, lower EL";
    case 0x21: return "instruction abort, same EL";
    case 0x22: return "PC alignment";
    case 0x24: return "data abort, lower EL";
    case 0x25: return "data abort, same EL";
    case 0x26: return "SP alignment";
    case 0x2f: return "SError";
    case 0x3c: return "BRK64";
    default: return "other";
    }
}

static void dump(const struct trap_frame *f, uint64_t entry)
{
    unsigned ec = (unsigned)ESR_EC(f->esr);
    kprintf("trap: %s, EC 0x%02x (%s)\n", entry_names[entry & 15], ec, ec_name(ec));
    kprintf("trap: ESR_EL2 %016lx ELR_EL2 %016lx FAR_EL2 %016lx SPSR_EL2 %016lx\n",
            f->esr, f->elr, f->far, f->spsr);
    for (unsigned i = 0; i < 28; i += 4)
        kprintf("trap: x%-2u %016lx x%-2u %016lx x%-2u %016lx x%-2u %016lx\n", i, f->x[i],
                i + 1, f->x[i + 1], i + 2, f->x[i + 2], i + 3, f->x[i + 3]);
    kprintf("trap: x28 %016lx x29 %016lx x30 %016lx sp  %016lx\n", f->x[28], f->x[29],
            f->x[30], f->sp);
}

void aarch64_trap(struct trap_frame *f, uint64_t entry)
{
    if (entry == 5) {                   /* EL2h IRQ: the idle loop's wait */
        aarch64_kernel_irq();
        return;
    }
    unsigned ec = (unsigned)ESR_EC(f->esr);
    bool sync = (entry & 3) == 0;
    /* Only synchronous exceptions of our own EL2 code can be resumed; the
     * faulting instruction is 4 bytes (no AArch32 at EL2). */
    if (sync && entry < 8) {
        if (exc_recover(ec, f->elr, f->esr)) {
            f->elr += 4;
            return;
        }
        if (ec == EC_UNKNOWN && trap_skip_undefined) {
            trap_skipped++;
            f->elr += 4;
            return;
        }
    }
    dump(f, entry);
    panic("unexpected %s exception at EL2: EC 0x%02x (%s) ESR 0x%lx ELR 0x%lx FAR 0x%lx",
          entry_names[entry & 15], ec, ec_name(ec), (unsigned long)f->esr,
          (unsigned long)f->elr, (unsigned long)f->far);
}

void arch_raise_test_exception(void)
{
    __asm__ volatile("brk #0x77" ::: "memory");
}

const uint64_t arch_test_exception_vector = EC_BRK64;
