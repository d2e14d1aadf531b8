/* Choosing and starting the GIC driver: ACPI's MADT, else the DTB's
 * interrupt controller when it names one we drive, else the board data; both map the GIC into
 * the identity map as device memory first. */
#include "gic.h"
#include "acpi_setup.h"
#include "aarch64.h"
#include "bootinfo.h"
#include "console.h"
#include "mmio.h"
#include "panic.h"

const struct gic_driver *gic;
unsigned gic_lines;
static struct gic_config active;

/* Without a DTB: one 64 KiB frame each (two for GICC), eight
 * redistributors to search (as protect.c withholds). */
static void from_board(struct gic_config *c)
{
    *c = (struct gic_config){.g = board.gic, .gicd_size = 0x10000, .gicr_size = 8 * 0x20000,
                             .source = "board"};
}

static void map(uint64_t base, uint64_t size, const char *what)
{
    if (base && !mmu_map(base, size ? size : 1, MEM_DEVICE))
        panic("gic: cannot map the %s at 0x%lx (+0x%lx) as device memory", what,
              (unsigned long)base, (unsigned long)size);
}

void gic_setup(const struct bootinfo *bi)
{
    if (!gic_from_acpi(&active) && !gic_from_dt(bi, &active))
        from_board(&active);
    if (!active.timer_ppi)
        active.timer_ppi = board.timer.ppi_el2_phys;
    const struct board_gic *g = &active.g;
    if (g->version == GIC_V3) {
        gic = &gic_v3;
        map(g->gicr, active.gicr_size, "GIC redistributors");
        map(g->its, GIC_ITS_SIZE, "GIC ITS");
    } else {
        active.g.its = 0;               /* an ITS needs a GICv3 */
        gic = &gic_v2;
        map(g->gicc, 0x2000, "GIC CPU interface");
    }
    map(g->gicd, active.gicd_size, "GIC distributor");
    gic->init(&active);
    kprintf("gic: %s (%s) GICD 0x%lx %s 0x%lx, %u interrupts, EL2 timer INTID %u\n",
            gic->name, active.source, (unsigned long)g->gicd,
            g->version == GIC_V3 ? "GICR" : "GICC",
            (unsigned long)(g->version == GIC_V3 ? g->gicr : g->gicc), gic_lines,
            active.timer_ppi);
}

void gic_cpu_setup(void)
{
    gic->cpu_init(&active);
}

const struct gic_config *gic_active(void)
{
    return &active;
}

bool gic_wait_clear(uint64_t reg, uint32_t bits)
{
    uint64_t deadline = counter_deadline(100000);       /* 100 ms */
    while (mmio_read32(reg) & bits)
        if (counter_passed(deadline))
            return false;
    return true;
}
