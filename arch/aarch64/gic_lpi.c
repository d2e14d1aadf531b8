/* LPIs at the redistributors: one configuration table (a byte per LPI:
 * priority and enable) that every redistributor shares through
 * GICR_PROPBASER, and a pending table per CPU (GICR_PENDBASER, a bit per
 * INTID, 64 KiB aligned). The boot CPU programs every online CPU's
 * redistributor (they are memory-mapped), then sets GICR_CTLR.EnableLPIs,
 * after which the tables cannot change. */
#include "gic_its.h"
#include "console.h"
#include "gic.h"
#include "kmem.h"
#include "mmio.h"
#include "pd.h"
#include "sys_util.h"
#include "sysreg.h"

enum {
    GICR_CTLR = 0x0000, GICR_TYPER = 0x0008, GICR_PROPBASER = 0x0070, GICR_PENDBASER = 0x0078,
};
#define GICD_TYPER_LPIS (1u << 17)
#define GICR_TYPER_PLPIS (1ull << 0)
#define GICR_CTLR_ENABLE_LPIS (1u << 0)
#define LPI_ID_BITS 14u                  /* INTIDs below 16384: 8192 LPIs, the minimum */
#define CONFIG_BYTES ((1u << LPI_ID_BITS) - GIC_LPI_BASE)
#define CONFIG_ORDER 1u                  /* 8 KiB */
#define PENDING_ORDER 4u                 /* 2 KiB used, but 64 KiB aligned */
#define LPI_RES1 (1u << 1)
#define LPI_ENABLE (1u << 0)
/* Normal inner write-back read/write-allocate, inner shareable: the
 * GIC snoops the caches (both BASER layouts put these fields here). */
#define TABLE_ATTR (7ull << 7 | 1ull << 10)
#define SHAREABILITY(v) ((v) >> 10 & 3)
#define PENDBASER_PTZ (1ull << 62)       /* the pending table is zero */

_Static_assert(CONFIG_BYTES == FRAME_SIZE << CONFIG_ORDER, "LPI configuration table size");

static uint8_t *config;
static bool noncoherent;

void gic_table_noncoherent(void)
{
    noncoherent = true;
}

static void clean_invalidate(const void *p, size_t len)
{
    uint64_t line = 4ull << ((read_sysreg(CTR_EL0) >> 16) & 0xf);
    uint64_t a = (uint64_t)(uintptr_t)p & ~(line - 1);
    for (; a < (uint64_t)(uintptr_t)p + len; a += line)
        __asm__ volatile("dc civac, %0" ::"r"(a) : "memory");
}

void gic_table_handover(const void *p, size_t len)
{
    clean_invalidate(p, len);
    dsb(sy);
}

void gic_table_written(const void *p, size_t len)
{
    if (noncoherent)
        clean_invalidate(p, len);
    dsb(ish);                           /* before the GIC is told to look */
}

void lpi_set_enabled(unsigned n, bool on)
{
    config[n] = (uint8_t)(GIC_PRIO | LPI_RES1 | (on ? LPI_ENABLE : 0));
    gic_table_written(&config[n], 1);
}

/* Why CPU cpu's redistributor cannot take LPIs, or 0. */
static const char *unusable(unsigned cpu)
{
    uint64_t r = gic_v3_redistributor(cpu);
    if (!r)
        return "no redistributor known";
    if (!(mmio_read64(r + GICR_TYPER) & GICR_TYPER_PLPIS))
        return "no physical LPIs (GICR_TYPER.PLPIS = 0)";
    if (mmio_read32(r + GICR_CTLR) & GICR_CTLR_ENABLE_LPIS)
        return "LPIs already enabled by firmware (tables unknown)";
    return 0;
}

static void enable_at(unsigned cpu, uint64_t pending_pa)
{
    uint64_t r = gic_v3_redistributor(cpu);
    uint64_t prop = kmem_phys(config) | TABLE_ATTR | (LPI_ID_BITS - 1);
    mmio_write64(r + GICR_PROPBASER, prop);
    if (!SHAREABILITY(mmio_read64(r + GICR_PROPBASER)))
        gic_table_noncoherent();
    mmio_write64(r + GICR_PENDBASER, pending_pa | TABLE_ATTR | PENDBASER_PTZ);
    if (!SHAREABILITY(mmio_read64(r + GICR_PENDBASER)))
        gic_table_noncoherent();
    dsb(sy);
    mmio_write32(r + GICR_CTLR, mmio_read32(r + GICR_CTLR) | GICR_CTLR_ENABLE_LPIS);
}

bool lpi_setup(unsigned lpis)
{
    uint32_t typer = gic_v3_typer();
    unsigned id_bits = (typer >> 19 & 0x1f) + 1;
    if (!(typer & GICD_TYPER_LPIS) || id_bits < LPI_ID_BITS || lpis > CONFIG_BYTES) {
        kprintf("its: the distributor has no LPIs (GICD_TYPER 0x%x): no MSIs\n", typer);
        return false;
    }
    for (unsigned cpu = 0; cpu < cpu_count; cpu++) {
        const char *why = unusable(cpu);
        if (why) {
            kprintf("its: CPU %u's redistributor: %s: no MSIs\n", cpu, why);
            return false;
        }
    }
    config = kmem_alloc(&nova_pd->quota, CONFIG_ORDER);
    if (!config) {
        kprintf("its: no memory for the LPI configuration table: no MSIs\n");
        return false;
    }
    for (unsigned n = 0; n < lpis; n++)
        config[n] = (uint8_t)(GIC_PRIO | LPI_RES1);     /* disabled until assigned */
    gic_table_handover(config, CONFIG_BYTES);
    for (unsigned cpu = 0; cpu < cpu_count; cpu++) {
        void *pending = kmem_alloc(&nova_pd->quota, PENDING_ORDER);    /* zeroed */
        if (!pending) {
            kprintf("its: no memory for CPU %u's LPI pending table: no MSIs\n", cpu);
            return false;
        }
        gic_table_handover(pending, FRAME_SIZE << PENDING_ORDER);
        enable_at(cpu, kmem_phys(pending));
    }
    return true;
}
