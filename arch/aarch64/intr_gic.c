/* Interrupt semaphores on the GIC's SPIs (interface §4.17; index = SPI
 * number, INTID 32 + index). assign_int programs trigger, target CPU and
 * enable; a delivered level SPI is disabled until its SM's next down
 * (the driver has then silenced the device), an edge one only EOI'd.
 * The GIC has no polarity control: SPIs are active-high or rising-edge
 * as the SoC wires them, so P is accepted and has no effect. */
#include "intr.h"
#include "gic.h"
#include "gic_its.h"
#include "irq.h"
#include "sys_util.h"

static bool level_of[INTR_SMS_MAX];

unsigned arch_int_pins(void)
{
    unsigned n = gic_lines > 32 ? gic_lines - 32 : 0;
    return n < INTR_SMS_MAX ? n : INTR_SMS_MAX;
}

bool arch_int_assign(unsigned index, unsigned cpu, bool masked, bool level, bool active_low)
{
    (void)active_low;
    if (index >= arch_int_pins() || cpu >= cpu_count)
        return false;
    unsigned id = GIC_SPI(index);
    gic_enable(id, false);              /* no delivery while it changes */
    level_of[index] = level;
    gic_configure(id, !level);
    gic_route(id, cpu);
    if (!masked)
        gic_enable(id, true);
    return true;
}

void arch_int_unmask(unsigned index)
{
    if (index < arch_int_pins())
        gic_enable(GIC_SPI(index), true);
}

bool irq_device(unsigned id, uint32_t token)
{
    if (id >= GIC_LPI_BASE)
        return irq_lpi(id, token);      /* an MSI (intr_its.c) */
    if (id < GIC_SPI(0) || id >= GIC_SPI(arch_int_pins()))
        return false;
    unsigned index = id - GIC_SPI(0);
    if (level_of[index])
        gic_enable(id, false);          /* until the driver's next down */
    gic_eoi(token);
    intr_raise(index);
    return true;
}
