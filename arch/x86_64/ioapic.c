/* I/O APICs: every pin starts masked; assign_int routes one to a CPU's
 * LAPIC with vector IRQ_VECTOR_BASE + GSI. Level interrupts are masked
 * when delivered until their SM's next down (interface §4.15 impl. note). */
#include "ioapic.h"
#include "intr.h"
#include "lapic.h"
#include "layout.h"
#include "panic.h"
#include "smp.h"

enum { REG_SELECT = 0x00, REG_WINDOW = 0x10, IOAPIC_VER = 0x01, REDIR = 0x10 };
enum { RED_MASKED = 1u << 16, RED_LEVEL = 1u << 15, RED_LOW = 1u << 13 };

struct ioapic {
    volatile uint32_t *regs;
    uint32_t gsi_base, pins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static unsigned ioapic_count, gsi_count;
static bool level_of[IRQ_VECTORS];

static uint32_t rd(const struct ioapic *io, uint32_t reg)
{
    io->regs[REG_SELECT / 4] = reg;
    return io->regs[REG_WINDOW / 4];
}

static void wr(const struct ioapic *io, uint32_t reg, uint32_t v)
{
    io->regs[REG_SELECT / 4] = reg;
    io->regs[REG_WINDOW / 4] = v;
}

static const struct ioapic *owner(unsigned gsi)
{
    for (unsigned i = 0; i < ioapic_count; i++)
        if (gsi >= ioapics[i].gsi_base && gsi - ioapics[i].gsi_base < ioapics[i].pins)
            return &ioapics[i];
    return 0;
}

void ioapic_init(const struct acpi_info *ai)
{
    for (unsigned i = 0; i < ai->ioapics; i++) {
        struct ioapic *io = &ioapics[ioapic_count];
        if (ai->ioapic[i].addr >= DIRECT_MAP_SIZE)
            panic("ioapic: at 0x%lx, outside the direct map", (unsigned long)ai->ioapic[i].addr);
        io->regs = (volatile uint32_t *)(uintptr_t)(DIRECT_MAP_BASE + ai->ioapic[i].addr);
        io->gsi_base = ai->ioapic[i].gsi_base;
        io->pins = ((rd(io, IOAPIC_VER) >> 16) & 0xFF) + 1;
        for (uint32_t p = 0; p < io->pins; p++) {
            wr(io, REDIR + 2 * p, RED_MASKED);
            wr(io, REDIR + 2 * p + 1, 0);
        }
        if (io->gsi_base + io->pins > gsi_count)
            gsi_count = io->gsi_base + io->pins;
        ioapic_count++;
    }
    if (gsi_count > IRQ_VECTORS)
        gsi_count = IRQ_VECTORS;            /* GSIs beyond the vector range stay masked */
}

unsigned arch_int_pins(void) { return gsi_count; }

/* MSIs take the vectors after the pins. Without interrupt remapping the
 * kernel cannot check which device sends one (assign_int's dev), and
 * masking means dropping what arrives. */
enum { MSIS = 32 };
static bool msi_masked[IRQ_VECTORS];

unsigned arch_int_msis(void)
{
    return gsi_count + MSIS <= IRQ_VECTORS ? MSIS : IRQ_VECTORS - gsi_count;
}

enum status arch_int_msi(unsigned index, unsigned cpu, unsigned dev, bool masked, uint32_t *addr,
                         uint16_t *data)
{
    (void)dev;                                        /* not enforceable (above) */
    if (index < gsi_count || index >= gsi_count + arch_int_msis())
        return BAD_PAR;
    msi_masked[index] = masked;
    *addr = 0xFEE00000u | cpu_apic_id[cpu] << 12;        /* fixed, physical destination */
    *data = (uint16_t)(IRQ_VECTOR_BASE + index);      /* edge */
    return SUCCESS;
}

static void set_mask(unsigned gsi, bool masked)
{
    const struct ioapic *io = owner(gsi);
    if (!io)
        return;
    uint32_t reg = REDIR + 2 * (gsi - io->gsi_base), v = rd(io, reg);
    wr(io, reg, masked ? v | RED_MASKED : v & ~(uint32_t)RED_MASKED);
}

bool arch_int_assign(unsigned index, unsigned cpu, bool masked, bool level, bool active_low)
{
    const struct ioapic *io = owner(index);
    if (!io)
        return false;
    uint32_t reg = REDIR + 2 * (index - io->gsi_base);
    level_of[index] = level;
    wr(io, reg, RED_MASKED);                          /* no delivery while changing */
    wr(io, reg + 1, cpu_apic_id[cpu] << 24);
    wr(io, reg, (IRQ_VECTOR_BASE + index) | (level ? RED_LEVEL : 0) |
                    (active_low ? RED_LOW : 0) | (masked ? RED_MASKED : 0));
    return true;
}

void arch_int_unmask(unsigned index)
{
    set_mask(index, false);
}

bool x86_device_interrupt(unsigned vector)
{
    if (vector < IRQ_VECTOR_BASE || vector >= IRQ_VECTOR_BASE + gsi_count + arch_int_msis())
        return false;
    unsigned index = vector - IRQ_VECTOR_BASE;
    if (index < gsi_count && level_of[index])
        set_mask(index, true);        /* until the driver's next down */
    lapic_eoi();
    if (!msi_masked[index])
        intr_raise(index);
    return true;
}
