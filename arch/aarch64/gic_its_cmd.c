/* The ITS command queue: a ring of 32-byte commands in one kernel page
 * (GITS_CBASER), filled at our write offset, published through
 * GITS_CWRITER; the ITS advances GITS_CREADR as it consumes them. Every
 * batch is waited for (bounded: a stalled or stuck queue panics with the
 * offsets, never hangs), so the ring never holds more than one batch.
 * Encodings: GICv3 architecture specification, ITS commands. */
#include "gic_its.h"
#include "aarch64.h"
#include "buddy.h"
#include "kmem.h"
#include "mmio.h"
#include "panic.h"
#include "pd.h"

enum {
    GITS_CBASER = 0x80, GITS_CWRITER = 0x88, GITS_CREADR = 0x90,
    CMD_MOVI = 0x01, CMD_SYNC = 0x05, CMD_MAPD = 0x08, CMD_MAPC = 0x09, CMD_MAPTI = 0x0a,
    CMD_INV = 0x0c, CMD_DISCARD = 0x0f,
};
#define SLOTS (FRAME_SIZE / 32)
#define CBASER_VALID (1ull << 63)
#define CBASER_ATTR (7ull << 59 | 1ull << 10)   /* inner write-back, inner shareable */
#define CREADR_STALLED (1ull << 0)
#define CREADR_OFFSET 0xfffe0ull
#define ADDR_MASK 0x000fffffffffffffull         /* PA bits 51..0 */
#define WAIT_US 100000                          /* 100 ms */

static uint64_t its;
static uint64_t (*ring)[4];
static unsigned tail, queued;           /* our write slot; commands not yet submitted */

bool its_queue_init(uint64_t base)
{
    ring = kmem_alloc(&nova_pd->quota, 0);
    if (!ring)
        return false;
    its = base;
    gic_table_handover(ring, FRAME_SIZE);
    mmio_write64(its + GITS_CBASER, kmem_phys(ring) | CBASER_VALID | CBASER_ATTR);  /* Size 0: 1 page */
    if (!(mmio_read64(its + GITS_CBASER) >> 10 & 3))
        gic_table_noncoherent();
    mmio_write64(its + GITS_CWRITER, 0);    /* CREADR is 0 after CBASER is written */
    tail = queued = 0;
    return true;
}

static void push(uint64_t dw0, uint64_t dw1, uint64_t dw2)
{
    if (queued == SLOTS - 1)
        its_submit();                   /* a full ring: let the ITS catch up */
    uint64_t *c = ring[tail];
    c[0] = dw0, c[1] = dw1, c[2] = dw2, c[3] = 0;
    gic_table_written(c, 32);
    tail = (tail + 1) % SLOTS;
    queued++;
}

void its_submit(void)
{
    uint64_t want = (uint64_t)tail * 32, deadline = counter_deadline(WAIT_US);
    mmio_write64(its + GITS_CWRITER, want);
    for (;;) {
        uint64_t readr = mmio_read64(its + GITS_CREADR);
        if (readr & CREADR_STALLED)
            panic("its: command queue stalled at offset 0x%lx (command 0x%lx): an ITS command error",
                  (unsigned long)(readr & CREADR_OFFSET),
                  (unsigned long)ring[(readr & CREADR_OFFSET) / 32][0]);
        if ((readr & CREADR_OFFSET) == want)
            break;
        if (counter_passed(deadline))
            panic("its: command queue stuck: GITS_CREADR 0x%lx, GITS_CWRITER 0x%lx after %u ms",
                  (unsigned long)readr, (unsigned long)want, WAIT_US / 1000);
    }
    queued = 0;
}

static uint64_t dev_cmd(unsigned cmd, unsigned dev)
{
    return cmd | (uint64_t)dev << 32;
}

void its_mapc(unsigned icid, uint64_t rdbase)
{
    push(CMD_MAPC, 0, 1ull << 63 | rdbase | icid);
}

void its_mapd(unsigned dev, const void *itt, unsigned event_bits, bool valid)
{
    uint64_t itt_addr = itt ? kmem_phys(itt) & ADDR_MASK & ~0xffull : 0;
    push(dev_cmd(CMD_MAPD, dev), event_bits - 1, (uint64_t)valid << 63 | itt_addr);
}

void its_mapti(unsigned dev, unsigned event, unsigned intid, unsigned icid)
{
    push(dev_cmd(CMD_MAPTI, dev), event | (uint64_t)intid << 32, icid);
}

void its_movi(unsigned dev, unsigned event, unsigned icid)
{
    push(dev_cmd(CMD_MOVI, dev), event, icid);
}

void its_discard(unsigned dev, unsigned event)
{
    push(dev_cmd(CMD_DISCARD, dev), event, 0);
}

void its_inv(unsigned dev, unsigned event)
{
    push(dev_cmd(CMD_INV, dev), event, 0);
}

void its_sync(uint64_t rdbase)
{
    push(CMD_SYNC, 0, rdbase);
}
