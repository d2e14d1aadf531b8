/* The ITS itself: its tables through GITS_BASER<n> (flat, sized for the
 * DeviceIDs we accept and the CPUs we have; entry size and type as the
 * ITS reports them, page size the smallest it takes), the command queue,
 * GITS_CTLR.Enabled, then one collection per CPU (MAPC ICID = CPU number
 * to its redistributor, named as GITS_TYPER.PTA says) and a SYNC. */
#include "gic_its.h"
#include "aarch64.h"
#include "buddy.h"
#include "console.h"
#include "gic.h"
#include "kmem.h"
#include "mmio.h"
#include "panic.h"
#include "pd.h"
#include "sys_util.h"

enum { GITS_CTLR = 0x0, GITS_TYPER = 0x8, GITS_BASER = 0x100, GICR_TYPER = 0x8, BASERS = 8 };
enum { TYPE_NONE = 0, TYPE_DEVICES = 1, TYPE_COLLECTIONS = 4 };
#define CTLR_ENABLED (1u << 0)
#define CTLR_QUIESCENT (1u << 31)
#define TYPER_PHYSICAL (1ull << 0)
#define TYPER_PTA (1ull << 19)
#define TYPER_CIL (1ull << 36)
#define BASER_VALID (1ull << 63)
#define BASER_ATTR (7ull << 59 | 1ull << 10)     /* inner write-back, inner shareable */
#define BASER_KEEP (7ull << 56 | 0x1full << 48)  /* Type, Entry_Size: read-only */
#define DEVICE_IDS_MAX (1u << 16)                /* assign_int's dev is 16 bits */

static bool pta;

uint64_t its_rdbase(unsigned cpu)
{
    uint64_t rd = gic_v3_redistributor(cpu);
    return pta ? rd : (mmio_read64(rd + GICR_TYPER) >> 8 & 0xffff) << 16;
}

static bool bounded_quiescent(uint64_t its)
{
    uint64_t deadline = counter_deadline(100000);
    while (!(mmio_read32(its + GITS_CTLR) & CTLR_QUIESCENT))
        if (counter_passed(deadline))
            return false;
    return true;
}

/* BASER n for entries entries (fewer when the register cannot describe
 * that many); how many it holds, 0 when it cannot be set up. */
static unsigned table(uint64_t its, unsigned n, unsigned entries)
{
    uint64_t reg = its + GITS_BASER + 8 * n, keep = mmio_read64(reg) & BASER_KEEP;
    unsigned entry = (unsigned)(keep >> 48 & 0x1f) + 1, ps = 0;
    for (; ps < 3; ps++) {              /* 4 KiB, 16 KiB, 64 KiB: the first it takes */
        mmio_write64(reg, keep | (uint64_t)ps << 8);
        if ((mmio_read64(reg) >> 8 & 3) == ps)
            break;
    }
    if (ps == 3)
        return 0;
    uint64_t page = 0x1000ull << (2 * ps), bytes = (uint64_t)entries * entry;
    uint64_t pages = (bytes + page - 1) / page;
    unsigned order = 0;
    if (pages > 256)                    /* Size is 8 bits */
        pages = 256;
    while ((FRAME_SIZE << order) < pages * page && order < BUDDY_ORDERS - 1)
        order++;
    pages = (FRAME_SIZE << order) / page < pages ? (FRAME_SIZE << order) / page : pages;
    void *t = kmem_alloc(&nova_pd->quota, order);       /* zeroed: every entry invalid */
    if (!t || !pages)
        return 0;
    gic_table_handover(t, FRAME_SIZE << order);
    mmio_write64(reg, BASER_VALID | BASER_ATTR | keep | kmem_phys(t) | (uint64_t)ps << 8 |
                          (pages - 1));
    uint64_t got = mmio_read64(reg);
    if (!(got & BASER_VALID))
        return 0;
    if (!(got >> 10 & 3))
        gic_table_noncoherent();
    uint64_t held = pages * page / entry;
    return held < entries ? (unsigned)held : entries;
}

/* Device and collection tables; false when the ITS lacks one we need. */
static bool tables(uint64_t its, uint64_t typer, struct its_info *info)
{
    unsigned dev_bits = (unsigned)(typer >> 13 & 0x1f) + 1, hcc = (unsigned)(typer >> 24 & 0xff);
    unsigned want = dev_bits < 16 ? 1u << dev_bits : DEVICE_IDS_MAX;
    bool collections = hcc >= cpu_count;    /* held in the ITS itself */
    info->devices = 0;
    for (unsigned n = 0; n < BASERS; n++) {
        unsigned type = (unsigned)(mmio_read64(its + GITS_BASER + 8 * n) >> 56 & 7);
        if (type == TYPE_DEVICES && !info->devices)
            info->devices = table(its, n, want);
        else if (type == TYPE_COLLECTIONS && !collections)
            collections = table(its, n, cpu_count) >= cpu_count;
    }
    return info->devices && collections;
}

bool its_setup(uint64_t its, struct its_info *info)
{
    uint64_t typer = mmio_read64(its + GITS_TYPER);
    unsigned cids = typer & TYPER_CIL ? 1u << ((typer >> 32 & 0xf) + 1) : 1u << 16;
    const char *why = 0;
    if (mmio_read32(its + GITS_CTLR) & CTLR_ENABLED) {
        mmio_write32(its + GITS_CTLR, 0);       /* left on by firmware: our tables instead */
        if (!bounded_quiescent(its))
            why = "does not become quiescent";
    }
    if (!why && !(typer & TYPER_PHYSICAL))
        why = "no physical LPIs (GITS_TYPER.Physical = 0)";
    else if (!why && cids < cpu_count)
        why = "fewer collections than CPUs";
    else if (!why && !tables(its, typer, info))
        why = "no device or collection table";
    else if (!why && !its_queue_init(its))
        why = "no memory for the command queue";
    if (why) {
        kprintf("its: ITS 0x%lx %s: no MSIs\n", (unsigned long)its, why);
        return false;
    }
    pta = typer & TYPER_PTA;
    *info = (struct its_info){.base = its, .devices = info->devices, .pta = pta,
                              .event_bits = (unsigned)(typer >> 8 & 0x1f) + 1,
                              .itt_entry = (unsigned)(typer >> 4 & 0xf) + 1};
    mmio_write32(its + GITS_CTLR, CTLR_ENABLED);
    for (unsigned cpu = 0; cpu < cpu_count; cpu++) {
        its_mapc(cpu, its_rdbase(cpu));
        its_sync(its_rdbase(cpu));
    }
    its_submit();
    return true;
}
