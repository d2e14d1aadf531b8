/* I/O APICs: every pin starts masked; assign_int routes one to a CPU's
 * LAPIC with vector IRQ_VECTOR_BASE + GSI. Level interrupts are masked
 * when delivered until their SM's next down (interface §4.15 impl. note).
 * With VT-d interrupt remapping on (vtd_ir.c) pins and MSIs go through
 * the remapping entry of their index instead. */
#include "ioapic.h"
#include "intr.h"
#include "lapic.h"
#include "layout.h"
#include "panic.h"
#include "smp.h"
#include "vtd_ir.h"

enum { REG_SELECT = 0x00, REG_WINDOW = 0x10, IOAPIC_VER = 0x01, REDIR = 0x10 };
enum { RED_MASKED = 1u << 16, RED_LEVEL = 1u << 15, RED_LOW = 1u << 13 };
/* Remappable format: the handle in bits 63..49 and 11, bit 48 set. */
enum { RED_HANDLE_15 = 1u << 11, RED_HI_REMAP = 1u << 16, RED_HI_HANDLE = 17 };

struct ioapic {
    volatile uint32_t *regs;
    uint32_t gsi_base, pins;
    uint8_t id;
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
        io->id = ai->ioapic[i].id;
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

void arch_int_init(void)
{
    vtd_ir_init();                  /* its tables are kernel memory */
}

/* MSIs take the vectors after the pins. Without interrupt remapping the
 * kernel cannot check which device sends one (assign_int's dev), and
 * masking means dropping what arrives. With it, the remapping entry
 * accepts only dev and is not present while masked (the unit drops the
 * MSI). Either way nothing is held: unmasking delivers only new MSIs. */
enum { MSIS = 32 };
static bool msi_masked[IRQ_VECTORS];

unsigned arch_int_msis(void)
{
    return gsi_count + MSIS <= IRQ_VECTORS ? MSIS : IRQ_VECTORS - gsi_count;
}

enum status arch_int_msi(unsigned index, unsigned cpu, unsigned dev, bool masked, uint32_t *addr,
                         uint16_t *data)
{
    if (index < gsi_count || index >= gsi_count + arch_int_msis())
        return BAD_PAR;
    /* With remapping the unit alone drops a masked MSI: once assign_int
     * returns, no MSI passes it (the entry's cached copies are gone). */
    msi_masked[index] = masked && !vtd_ir_active();
    if (vtd_ir_active()) {
        vtd_ir_route(index, cpu_apic_id[cpu], (uint8_t)(IRQ_VECTOR_BASE + index), false, masked,
                     (int)(dev & 0xFFFF));
        *addr = vtd_ir_msi_addr(index);
        *data = 0;                                    /* subhandle */
        return SUCCESS;
    }
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
    uint32_t reg = REDIR + 2 * (index - io->gsi_base), vector = IRQ_VECTOR_BASE + index;
    uint32_t mode = (level ? RED_LEVEL : 0) | (active_low ? RED_LOW : 0) | (masked ? RED_MASKED : 0);
    level_of[index] = level;
    wr(io, reg, RED_MASKED);                          /* no delivery while changing */
    if (vtd_ir_active()) {
        /* The RTE names the remapping entry; its vector must match the
         * entry's for the EOI of a level interrupt to reach the pin. */
        vtd_ir_route(index, cpu_apic_id[cpu], (uint8_t)vector, level, false,
                     vtd_ir_ioapic_sid(io->id));
        wr(io, reg + 1, RED_HI_REMAP | (index & 0x7FFF) << RED_HI_HANDLE);
        wr(io, reg, vector | (index >> 15 & 1 ? RED_HANDLE_15 : 0) | mode);
        return true;
    }
    wr(io, reg + 1, cpu_apic_id[cpu] << 24);
    wr(io, reg, vector | mode);
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
