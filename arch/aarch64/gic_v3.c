/* GICv3: distributor with affinity routing, this CPU's redistributor
 * (found by its affinity in GICR_TYPER) and the ICC system registers.
 * Control values hold in both security setups: with one security state
 * (QEMU virt without EL3, GICD_CTLR.DS = 1) bits 0/1/4 are EnableGrp0,
 * EnableGrp1 and ARE; for a Non-secure access to a two-state GIC they are
 * EnableGrp1, EnableGrp1A and ARE_NS. Group registers are ours with one
 * security state; otherwise firmware has made our interrupts group 1 NS. */
#include "gic.h"
#include "mmio.h"
#include "panic.h"
#include "percpu.h"
#include "sysreg.h"

enum {
    GICD_CTLR = 0x0000, GICD_TYPER = 0x0004, GICD_IGROUPR = 0x0080, GICD_ISENABLER = 0x0100,
    GICD_ICENABLER = 0x0180, GICD_ISPENDR = 0x0200, GICD_ICPENDR = 0x0280,
    GICD_ICACTIVER = 0x0380, GICD_IPRIORITYR = 0x0400, GICD_ICFGR = 0x0c00,
    GICD_IROUTER = 0x6000,
    GICR_CTLR = 0x0000, GICR_TYPER = 0x0008, GICR_WAKER = 0x0014,
    GICR_SGI = 0x10000,                 /* the SGI_base frame after RD_base */
};
#define CTLR_RWP (1u << 31)             /* GICD_CTLR: register write pending */
#define GICR_CTLR_RWP (1u << 3)
#define CTLR_ENABLE (1u << 4 | 1u << 1 | 1u << 0)
#define CTLR_ARE (1u << 4)
#define WAKER_SLEEP (1u << 1)           /* ProcessorSleep */
#define WAKER_ASLEEP (1u << 2)          /* ChildrenAsleep */
#define TYPER_VLPIS (1u << 1)
#define TYPER_LAST (1u << 4)
#define SRE_SRE (1u << 0)
#define PRIO4 (GIC_PRIO * 0x01010101u)

static uint64_t gicd;
static uint64_t rd[CPUS_MAX], sgi_base[CPUS_MAX];   /* each CPU's RD_base and SGI_base */
static uint64_t affinity[CPUS_MAX];     /* each CPU's MPIDR as GICD_IROUTER wants it */

static uint64_t own_affinity(void)
{
    return read_sysreg(mpidr_el1) & 0xff00ffffffull;   /* Aff3, Aff2..Aff0; IRM 0 */
}

static void wait_rwp(uint64_t reg, uint32_t bit)
{
    if (!gic_wait_clear(reg, bit))
        panic("gic: GICv3 register write still pending at 0x%lx", (unsigned long)reg);
}

/* This CPU's redistributor: the frame whose GICR_TYPER affinity is ours. */
static uint64_t find_redistributor(const struct gic_config *c)
{
    uint64_t mpidr = read_sysreg(mpidr_el1);
    uint64_t aff = (mpidr & 0xffffff) | (mpidr >> 32 & 0xff) << 24;
    for (uint64_t f = c->g.gicr; f < c->g.gicr + c->gicr_size;) {
        uint64_t typer = mmio_read64(f + GICR_TYPER);
        if (typer >> 32 == aff)
            return f;
        if (typer & TYPER_LAST)
            break;
        f += typer & TYPER_VLPIS ? 0x40000 : 0x20000;
    }
    panic("gic: no GICv3 redistributor for affinity 0x%lx in 0x%lx+0x%lx", (unsigned long)aff,
          (unsigned long)c->g.gicr, (unsigned long)c->gicr_size);
}

static void cpu_interface(void)
{
    if (!(read_sysreg(id_aa64pfr0_el1) >> 24 & 0xf))
        panic("gic: a GICv3 but the CPU has no GIC system register interface (ID_AA64PFR0_EL1.GIC = 0)");
    write_sysreg(icc_sre_el2, read_sysreg(icc_sre_el2) | SRE_SRE);
    isb();
    if (!(read_sysreg(icc_sre_el2) & SRE_SRE))
        panic("gic: the GICv3 system register interface is disabled (ICC_SRE_EL2.SRE = 0)");
    write_sysreg(icc_pmr_el1, 0xff);
    write_sysreg(icc_bpr1_el1, 0);
    write_sysreg(icc_ctlr_el1, 0);      /* EOImode 0 */
    write_sysreg(icc_igrpen1_el1, 1);
    isb();
}

/* This CPU's redistributor (woken, SGIs/PPIs off) and ICC registers. */
static void cpu_init(const struct gic_config *c)
{
    unsigned cpu = arch_cpu_id();
    affinity[cpu] = own_affinity();
    uint64_t r = rd[cpu] = find_redistributor(c);
    mmio_write32(r + GICR_WAKER, mmio_read32(r + GICR_WAKER) & ~WAKER_SLEEP);
    if (!gic_wait_clear(r + GICR_WAKER, WAKER_ASLEEP))
        panic("gic: GICv3 redistributor at 0x%lx stays asleep", (unsigned long)r);
    uint64_t sgi = sgi_base[cpu] = r + GICR_SGI;
    mmio_write32(sgi + GICD_ICENABLER, ~0u);            /* same offsets as GICD's */
    wait_rwp(r + GICR_CTLR, GICR_CTLR_RWP);
    mmio_write32(sgi + GICD_ICPENDR, ~0u);
    mmio_write32(sgi + GICD_ICACTIVER, ~0u);
    mmio_write32(sgi + GICD_IGROUPR, ~0u);
    for (unsigned i = 0; i < 32; i += 4)
        mmio_write32(sgi + GICD_IPRIORITYR + i, PRIO4);
    cpu_interface();
}

static void init(const struct gic_config *c)
{
    gicd = c->g.gicd;
    uint64_t aff = own_affinity();
    mmio_write32(gicd + GICD_CTLR, 0);
    wait_rwp(gicd + GICD_CTLR, CTLR_RWP);
    gic_lines = 32 * ((mmio_read32(gicd + GICD_TYPER) & 0x1f) + 1);
    if (gic_lines > 1020)
        gic_lines = 1020;
    mmio_write32(gicd + GICD_CTLR, CTLR_ARE);
    wait_rwp(gicd + GICD_CTLR, CTLR_RWP);
    for (unsigned i = 32; i < gic_lines; i += 32) {
        mmio_write32(gicd + GICD_ICENABLER + i / 8, ~0u);
        mmio_write32(gicd + GICD_ICPENDR + i / 8, ~0u);
        mmio_write32(gicd + GICD_ICACTIVER + i / 8, ~0u);
        mmio_write32(gicd + GICD_IGROUPR + i / 8, ~0u);
    }
    for (unsigned i = 32; i < gic_lines; i += 4)
        mmio_write32(gicd + GICD_IPRIORITYR + i, PRIO4);
    for (unsigned i = 32; i < gic_lines; i++)
        mmio_write64(gicd + GICD_IROUTER + 8 * i, aff);
    wait_rwp(gicd + GICD_CTLR, CTLR_RWP);
    mmio_write32(gicd + GICD_CTLR, CTLR_ENABLE);
    wait_rwp(gicd + GICD_CTLR, CTLR_RWP);
    cpu_init(c);
}

uint64_t gic_v3_redistributor(unsigned cpu)
{
    return cpu < CPUS_MAX ? rd[cpu] : 0;
}

uint32_t gic_v3_typer(void)
{
    return gicd ? mmio_read32(gicd + GICD_TYPER) : 0;
}

static uint32_t ack(void)
{
    return (uint32_t)read_sysreg(icc_iar1_el1);
}

static void eoi(uint32_t token)
{
    write_sysreg(icc_eoir1_el1, token);
    isb();
}

/* SGIs and PPIs live in the redistributor, SPIs in the distributor. */
static uint64_t bank(unsigned id)
{
    return id < 32 ? sgi_base[arch_cpu_id()] : gicd;
}

static void enable(unsigned id, bool on)
{
    mmio_write32(bank(id) + (on ? GICD_ISENABLER : GICD_ICENABLER) + id / 32 * 4,
                 1u << (id % 32));
    if (!on)        /* disabled only once the write has taken effect */
        wait_rwp(id < 32 ? rd[arch_cpu_id()] + GICR_CTLR : gicd + GICD_CTLR,
                 id < 32 ? GICR_CTLR_RWP : CTLR_RWP);
}

static void configure(unsigned id, bool edge)
{
    uint64_t r = bank(id) + GICD_ICFGR + id / 16 * 4;
    uint32_t bit = 2u << (id % 16 * 2);
    mmio_write32(r, edge ? mmio_read32(r) | bit : mmio_read32(r) & ~bit);
}

static void route(unsigned id, unsigned cpu)
{
    if (id >= 32)
        mmio_write64(gicd + GICD_IROUTER + 8 * id, affinity[cpu]);
}

static bool pending(unsigned id)
{
    return mmio_read32(bank(id) + GICD_ISPENDR + id / 32 * 4) & (1u << (id % 32));
}

/* ICC_SGI1R_EL1: Aff3 [55:48], RS [47:44] = Aff0 / 16, Aff2 [39:32],
 * INTID [27:24], Aff1 [23:16], target list bit Aff0 % 16. The dsb makes
 * the stores that readied the work visible before the SGI is sent. */
static void sgi(unsigned id, unsigned cpu)
{
    uint64_t a = affinity[cpu], aff0 = a & 0xff;
    uint64_t v = (a >> 32 & 0xff) << 48 | (aff0 >> 4) << 44 | (a >> 16 & 0xff) << 32 |
                 (uint64_t)(id & 0xf) << 24 | (a >> 8 & 0xff) << 16 | 1ull << (aff0 & 0xf);
    dsb(ish);
    write_sysreg(icc_sgi1r_el1, v);
    isb();
}

const struct gic_driver gic_v3 = {
    .name = "GICv3", .init = init, .cpu_init = cpu_init, .ack = ack, .eoi = eoi,
    .intid_mask = 0xffffff, .enable = enable, .configure = configure, .route = route,
    .pending = pending, .sgi = sgi,
};
