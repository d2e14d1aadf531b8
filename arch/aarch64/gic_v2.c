/* GICv2 (GIC-400 and QEMU's model): distributor and memory-mapped CPU
 * interface. Writing 1 to the control registers enables what the access
 * may enable: group 0 on a GIC without Security Extensions (QEMU virt; its
 * group 0 signals IRQ), group 1 when we are Non-secure on one with them
 * (zcu102: firmware, or QEMU for a directly booted kernel, has made every
 * interrupt group 1). */
#include "gic.h"
#include "mmio.h"
#include "percpu.h"
#include "sysreg.h"

enum {
    GICD_CTLR = 0x000, GICD_TYPER = 0x004, GICD_ISENABLER = 0x100, GICD_ICENABLER = 0x180,
    GICD_ISPENDR = 0x200, GICD_ICPENDR = 0x280, GICD_ICACTIVER = 0x380,
    GICD_IPRIORITYR = 0x400, GICD_ITARGETSR = 0x800, GICD_ICFGR = 0xc00,
    GICD_SGIR = 0xf00,
    GICC_CTLR = 0x00, GICC_PMR = 0x04, GICC_BPR = 0x08, GICC_IAR = 0x0c, GICC_EOIR = 0x10,
};

#define PRIO4 (GIC_PRIO * 0x01010101u)  /* one priority byte in each lane */

static uint64_t gicd, gicc;
static uint8_t cpu_mask[CPUS_MAX];      /* each CPU's ITARGETSR / SGIR target bit */

/* The banked ITARGETSR0..7 read as this CPU's bit; a uniprocessor GIC
 * may read them as zero and then ignores targets. */
static uint8_t own_mask(void)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < 8; i++)
        m |= mmio_read32(gicd + GICD_ITARGETSR + 4 * i);
    m |= m >> 16;
    m |= m >> 8;
    return (uint8_t)m ? (uint8_t)m : 1;
}

/* This CPU's banked SGIs and PPIs, and its CPU interface. */
static void cpu_init(const struct gic_config *c)
{
    (void)c;
    cpu_mask[arch_cpu_id()] = own_mask();
    mmio_write32(gicd + GICD_ICENABLER, ~0u);
    mmio_write32(gicd + GICD_ICPENDR, ~0u);
    mmio_write32(gicd + GICD_ICACTIVER, ~0u);
    for (unsigned i = 0; i < 32; i += 4)
        mmio_write32(gicd + GICD_IPRIORITYR + i, PRIO4);
    mmio_write32(gicc + GICC_PMR, 0xff);                /* pass every priority */
    mmio_write32(gicc + GICC_BPR, 0);
    mmio_write32(gicc + GICC_CTLR, 1);                  /* EOImode 0, bypass off */
}

static void init(const struct gic_config *c)
{
    gicd = c->g.gicd;
    gicc = c->g.gicc;
    mmio_write32(gicd + GICD_CTLR, 0);
    gic_lines = 32 * ((mmio_read32(gicd + GICD_TYPER) & 0x1f) + 1);
    if (gic_lines > 1020)
        gic_lines = 1020;
    uint8_t mask = own_mask();
    /* SPIs: off, not pending, one priority, to this CPU. */
    for (unsigned i = 32; i < gic_lines; i += 32) {
        mmio_write32(gicd + GICD_ICENABLER + i / 8, ~0u);
        mmio_write32(gicd + GICD_ICPENDR + i / 8, ~0u);
        mmio_write32(gicd + GICD_ICACTIVER + i / 8, ~0u);
    }
    for (unsigned i = 32; i < gic_lines; i += 4) {
        mmio_write32(gicd + GICD_IPRIORITYR + i, PRIO4);
        mmio_write32(gicd + GICD_ITARGETSR + i, mask * 0x01010101u);
    }
    cpu_init(c);
    mmio_write32(gicd + GICD_CTLR, 1);
}

static uint32_t ack(void)
{
    return mmio_read32(gicc + GICC_IAR);
}

static void eoi(uint32_t token)
{
    mmio_write32(gicc + GICC_EOIR, token);
}

static void enable(unsigned id, bool on)
{
    mmio_write32(gicd + (on ? GICD_ISENABLER : GICD_ICENABLER) + id / 32 * 4, 1u << (id % 32));
}

static void configure(unsigned id, bool edge)
{
    uint64_t r = gicd + GICD_ICFGR + id / 16 * 4;
    uint32_t bit = 2u << (id % 16 * 2);
    mmio_write32(r, edge ? mmio_read32(r) | bit : mmio_read32(r) & ~bit);
}

static void route(unsigned id, unsigned cpu)
{
    if (id >= 32)
        mmio_write8(gicd + GICD_ITARGETSR + id, cpu_mask[cpu]);
}

static bool pending(unsigned id)
{
    return mmio_read32(gicd + GICD_ISPENDR + id / 32 * 4) & (1u << (id % 32));
}

/* An SGI to one CPU by its target bit (filter 0: the list). The stores
 * that made the work visible go first. */
static void sgi(unsigned id, unsigned cpu)
{
    dsb(ishst);
    mmio_write32(gicd + GICD_SGIR, (uint32_t)cpu_mask[cpu] << 16 | (id & 0xf));
}

const struct gic_driver gic_v2 = {
    .name = "GICv2", .init = init, .cpu_init = cpu_init, .ack = ack, .eoi = eoi,
    .intid_mask = 0x3ff, .enable = enable, .configure = configure, .route = route,
    .pending = pending, .sgi = sgi,
};
