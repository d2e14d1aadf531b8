/* VT-d queued invalidation: a ring of 256 128-bit descriptors; each
 * request is followed by a wait descriptor that writes a sequence number,
 * so completion is seen in memory. Waits are bounded: a unit that does
 * not answer is a hardware fault the kernel cannot work around. */
#include "vtd.h"
#include "arch.h"
#include "kmem.h"
#include "panic.h"
#include "pd.h"

enum { SLOTS = 256, WAIT_MS = 100 };
enum { DESC_IEC = 0x4, IEC_INDEXED = 1u << 4, DESC_WAIT = 0x5, WAIT_STATUS_WRITE = 1u << 5 };
#define GSTS_ONE_SHOT ((1u << 30) | (1u << 29) | (1u << 27) | (1u << 24))   /* read as status only */

static uint64_t deadline(void)
{
    return arch_counter() + arch_counter_hz() / 1000 * WAIT_MS;
}

void vtd_command(const struct vtd_unit *u, uint32_t bit, bool on, const char *what)
{
    uint32_t keep = vtd_read32(u, VTD_GSTS) & ~GSTS_ONE_SHOT;
    vtd_write32(u, VTD_GCMD, on ? keep | bit : keep & ~bit);
    for (uint64_t end = deadline(); !(vtd_read32(u, VTD_GSTS) & bit) != !on;)
        if (arch_counter() > end)
            panic("vtd: unit 0x%lx did not %s within %u ms (GSTS 0x%x)", (unsigned long)u->base,
                  what, WAIT_MS, vtd_read32(u, VTD_GSTS));
}

bool vtd_qi_init(struct vtd_unit *u)
{
    uint32_t *done = kmem_alloc(&nova_pd->quota, 0);
    u->queue = kmem_alloc(&nova_pd->quota, 0);
    if (!u->queue || !done)
        return false;
    u->done = done;
    u->done_phys = kmem_phys(done);
    u->tail = 0;
    vtd_write64(u, VTD_IQT, 0);
    vtd_write64(u, VTD_IQA, kmem_phys(u->queue));   /* QS = 0: 256 entries, 128-bit */
    vtd_command(u, VTD_CMD_QIE, true, "enable its invalidation queue");
    return true;
}

static void put(struct vtd_unit *u, uint64_t lo, uint64_t hi)
{
    u->queue[2 * u->tail] = lo;
    u->queue[2 * u->tail + 1] = hi;
    u->tail = (u->tail + 1) % SLOTS;
}

void vtd_qi_flush_irte(struct vtd_unit *u, int index)
{
    uint32_t seq = ++u->seq;
    put(u, index < 0 ? DESC_IEC : DESC_IEC | IEC_INDEXED | (uint64_t)index << 32, 0);
    put(u, DESC_WAIT | WAIT_STATUS_WRITE | (uint64_t)seq << 32, u->done_phys);
    __asm__ volatile("" ::: "memory");      /* descriptors before the tail (x86 keeps store order) */
    vtd_write64(u, VTD_IQT, (uint64_t)u->tail << 4);
    for (uint64_t end = deadline(); *u->done != seq;) {
        if (vtd_read32(u, VTD_FSTS) & VTD_FSTS_IQE)
            panic("vtd: unit 0x%lx refused an invalidation descriptor (IQH 0x%lx, IQT 0x%lx)",
                  (unsigned long)u->base, (unsigned long)vtd_read64(u, VTD_IQH),
                  (unsigned long)vtd_read64(u, VTD_IQT));
        if (arch_counter() > end)
            panic("vtd: unit 0x%lx did not finish an interrupt entry invalidation within %u ms "
                  "(IQH 0x%lx, IQT 0x%lx)", (unsigned long)u->base, WAIT_MS,
                  (unsigned long)vtd_read64(u, VTD_IQH), (unsigned long)vtd_read64(u, VTD_IQT));
    }
}
