/* MSIs as interrupt semaphores (interface §4.17) through the GICv3 ITS:
 * the semaphores after the SPIs (HIP INT_MSI), MSI i = LPI 8192 + i =
 * EventID i. assign_int maps (dev, i) in the ITS to that LPI and the
 * target CPU's collection: dev is the ITS DeviceID (on QEMU virt the PCI
 * requester ID: msi-map is the identity), and a write of EventID i to
 * GITS_TRANSLATER by any other device finds no mapping and is dropped.
 * So the ITS enforces that only dev raises the MSI. Each mapped device
 * has an ITT of 2^6 entries from a preallocated pool (at most one device
 * per MSI). LPIs are edge-triggered: delivered ones are only EOI'd; a
 * masked one (disabled in the configuration table) stays pending at the
 * redistributor and arrives once unmasked. */
#include "intr.h"
#include "console.h"
#include "gic.h"
#include "gic_its.h"
#include "irq.h"
#include "kmem.h"
#include "panic.h"
#include "pd.h"
#include <string.h>
#include "sys_util.h"

#define MSIS 64u
#define EVENT_BITS 6u                   /* EventIDs 0..MSIS-1 */
#define ITT_BYTES 1024u                 /* MSIS entries of at most 16 bytes, 256-aligned */
#define ITT_POOL_ORDER 4u               /* MSIS * ITT_BYTES = 64 KiB */
#define GITS_TRANSLATER 0x10040u

_Static_assert(1u << EVENT_BITS == MSIS, "one EventID per MSI");
_Static_assert(MSIS * ITT_BYTES == FRAME_SIZE << ITT_POOL_ORDER, "ITT pool size");

struct msi_route {
    bool mapped;                        /* (dev, event) -> LPI in the ITS */
    uint16_t dev, cpu;
};

struct itt_slot {
    unsigned users;                     /* MSIs mapped for dev (0: free) */
    uint16_t dev;
};

static struct its_info its;
static unsigned msis;
static struct msi_route route[MSIS];
static struct itt_slot slot[MSIS];
static uint8_t *itt_pool;

void arch_int_init(void)
{
    const struct gic_config *c = gic_active();
    unsigned pins = arch_int_pins(), n = MSIS;
    if (c->g.version != GIC_V3 || !c->g.its)
        return;
    if (pins + n > INTR_SMS_MAX)
        n = INTR_SMS_MAX - pins;
    if (!n || !lpi_setup(n) || !its_setup(c->g.its, &its))
        return;
    if (its.event_bits < EVENT_BITS || its.itt_entry * MSIS > ITT_BYTES) {
        kprintf("its: %u EventID bits, %u-byte ITT entries: no MSIs\n", its.event_bits,
                its.itt_entry);
        return;
    }
    itt_pool = kmem_alloc(&nova_pd->quota, ITT_POOL_ORDER);
    if (!itt_pool) {
        kprintf("its: no memory for ITTs: no MSIs\n");
        return;
    }
    msis = n;
    kprintf("its: ITS 0x%lx (%s), %u LPIs (INTID %u..%u) as MSIs after the %u SPIs, "
            "DeviceIDs below %u, collections by %s\n",
            (unsigned long)its.base, c->source, msis, GIC_LPI_BASE, GIC_LPI_BASE + msis - 1, pins,
            its.devices, its.pta ? "redistributor address" : "processor number");
}

unsigned arch_int_msis(void)
{
    return msis;
}

/* The ITT slot of dev, mapping the device with a fresh ITT if it has none. */
static void device_take(unsigned dev)
{
    struct itt_slot *free = 0;
    for (unsigned i = 0; i < MSIS; i++) {
        if (slot[i].users && slot[i].dev == dev) {
            slot[i].users++;
            return;
        }
        if (!slot[i].users && !free)
            free = &slot[i];
    }
    if (!free)                          /* at most MSIS devices hold MSIs */
        panic("its: no ITT left for DeviceID 0x%x", dev);
    void *itt = itt_pool + (free - slot) * ITT_BYTES;
    memset(itt, 0, ITT_BYTES);          /* the ITS let go of it (MAPD V=0, waited for) */
    gic_table_handover(itt, ITT_BYTES);
    *free = (struct itt_slot){1, (uint16_t)dev};
    its_mapd(dev, itt, EVENT_BITS, true);
}

static void device_drop(unsigned dev)
{
    for (unsigned i = 0; i < MSIS; i++)
        if (slot[i].users && slot[i].dev == dev && !--slot[i].users)
            its_mapd(dev, 0, EVENT_BITS, false);
}

enum status arch_int_msi(unsigned index, unsigned cpu, unsigned dev, bool masked, uint32_t *addr,
                         uint16_t *data)
{
    unsigned pins = arch_int_pins(), event = index - pins;
    uint64_t translater = its.base + GITS_TRANSLATER;
    if (index < pins || event >= msis || cpu >= cpu_count)
        return BAD_PAR;
    if (dev >= its.devices)
        return BAD_DEV;
    if (translater > UINT32_MAX)        /* assign_int's msi_addr is 32 bits */
        return BAD_PAR;
    struct msi_route *r = &route[event];
    if (r->mapped && r->dev != dev) {   /* the old device may no longer send it */
        its_discard(r->dev, event);
        its_sync(its_rdbase(r->cpu));
        device_drop(r->dev);
        its_submit();
        r->mapped = false;
    }
    if (!r->mapped) {
        device_take(dev);
        its_mapti(dev, event, GIC_LPI_BASE + event, cpu);
    } else if (r->cpu != cpu) {
        its_movi(dev, event, cpu);      /* a pending one moves along */
    }
    lpi_set_enabled(event, !masked);
    its_inv(dev, event);
    its_sync(its_rdbase(cpu));
    its_submit();
    *r = (struct msi_route){true, (uint16_t)dev, (uint16_t)cpu};
    *addr = (uint32_t)translater;
    *data = (uint16_t)event;
    return SUCCESS;
}

bool irq_lpi(unsigned id, uint32_t token)
{
    if (id < GIC_LPI_BASE || id - GIC_LPI_BASE >= msis)
        return false;
    gic_eoi(token);                     /* edge: nothing to mask */
    intr_raise(arch_int_pins() + id - GIC_LPI_BASE);
    return true;
}
