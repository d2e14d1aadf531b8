/* Physical memory the NOVA host space withholds besides the kernel image
 * (interface §5.8): the GIC's distributor, CPU interface, hypervisor
 * interface, redistributors and ITS (whose command interface would let
 * anyone remap any MSI), where gic.c found them (DTB or board).
 * Frame sizes follow the integration: GIC frames 64 KiB apart (QEMU
 * virt, ZynqMP, R-Car) or packed 4 KiB apart (the GIC-400 of BCM2711,
 * Tegra X1). GICV stays available: it is what a VMM may give a guest. */
#include "aarch64.h"
#include "gic.h"
#include "hpt.h"

#define GICR_FRAME 0x20000ull       /* RD_base + SGI_base of one CPU */
#define GICR_CPUS 8                 /* redistributors protected (CPUs) */

static bool within(uint64_t pa, uint64_t base, uint64_t size)
{
    return base && pa - base < size;
}

bool arch_phys_protected(uint64_t pa)
{
    const struct board_gic *g = &gic_active()->g;     /* ACPI's, the DTB's, else the board's */
    uint64_t frame = g->gicd % 0x10000 ? 0x1000 : 0x10000;
    return within(pa, g->gicd, frame) ||
           within(pa, g->gicc, 2 * frame) ||        /* GICC spans two pages */
           within(pa, g->gich, 2 * frame) ||        /* GICH and its per-CPU alias */
           within(pa, g->gicr, GICR_CPUS * GICR_FRAME) ||
           within(pa, g->its, GIC_ITS_SIZE);
}
