/* The GIC as the ACPI MADT describes it: the GICD structure (base,
 * version), GICv2 CPU and hypervisor interfaces from the boot CPU's GICC
 * structure, GICv3 redistributors from the GICR structures or else the
 * GICC structures' per-CPU bases; the EL2 timer's INTID from the GTDT. */
#include "acpi_setup.h"
#include "gic.h"

#define GICR_FRAME 0x20000u             /* RD_base + SGI_base, without VLPIs */

static enum gic_version version(const struct acpi_arm *t)
{
    if (t->gic_version >= 3)
        return GIC_V3;
    if (t->gic_version)
        return GIC_V2;
    /* 0: the firmware leaves it to us; redistributors mean v3. */
    return t->gicr_ranges || t->cpu[0].gicr ? GIC_V3 : GIC_V2;
}

static void redistributors(const struct acpi_arm *t, struct gic_config *c)
{
    if (t->gicr_ranges) {               /* the first range: gic_v3.c searches it by affinity */
        c->g.gicr = t->gicr[0].base;
        c->gicr_size = t->gicr[0].length;
        return;
    }
    uint64_t lo = ~0ull, hi = 0;        /* per-CPU frames: the span of them all */
    for (unsigned i = 0; i < t->cpus; i++) {
        lo = t->cpu[i].gicr < lo ? t->cpu[i].gicr : lo;
        hi = t->cpu[i].gicr > hi ? t->cpu[i].gicr : hi;
    }
    c->g.gicr = lo;
    c->gicr_size = hi - lo + GICR_FRAME;
}

bool gic_from_acpi(struct gic_config *c)
{
    const struct acpi_arm *t = acpi_tables();
    if (!t)
        return false;
    *c = (struct gic_config){.g = {.version = version(t), .gicd = t->gicd},
                             .gicd_size = 0x10000, .source = "ACPI"};
    if (c->g.version == GIC_V3) {
        redistributors(t, c);
        c->g.its = t->its_count ? t->its_base[0] : 0;   /* the first GIC ITS structure */
    } else {
        c->g.gicc = t->cpu[0].gicc;
        c->g.gich = t->cpu[0].gich;
    }
    if (t->has_gtdt)
        c->timer_ppi = t->el2_timer_gsiv;
    return true;
}
