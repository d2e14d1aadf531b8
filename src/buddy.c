/* Binary buddy allocator. Free blocks are linked through their first
 * bytes; a state byte per frame records whether the frame heads a free
 * block of some order, so merging never trusts the contents of memory. */
#include "buddy.h"
#include "panic.h"
#include <string.h>

/* State bytes: 0..BUDDY_ORDERS-1 free head of that order, USED|order an
 * allocated head, NOT_HEAD any frame inside a block. */
enum { USED = 0x80, NOT_HEAD = 0xfe, UNAVAILABLE = 0xff };

static void list_init(struct buddy_block *h) { h->next = h->prev = h; }

static void list_push(struct buddy_block *h, struct buddy_block *n)
{
    n->next = h->next;
    n->prev = h;
    h->next->prev = n;
    h->next = n;
}

static void list_remove(struct buddy_block *n)
{
    n->prev->next = n->next;
    n->next->prev = n->prev;
}

void buddy_init(struct buddy *b)
{
    memset(b, 0, sizeof *b);
    for (unsigned o = 0; o < BUDDY_ORDERS; o++)
        list_init(&b->free[o]);
}

static int zone_index(const struct buddy *b, uintptr_t p)
{
    for (unsigned i = 0; i < b->zones; i++) {
        const struct buddy_zone *z = &b->zone[i];
        if (p >= z->virt && (p - z->virt) >> FRAME_SHIFT < z->frames)
            return (int)i;
    }
    return -1;
}

/* Puts a free block of 2^order frames starting at frame index f, merging
 * with its buddy as long as that buddy is a free block of the same order. */
static void release(struct buddy *b, struct buddy_zone *z, size_t f, unsigned order)
{
    b->free_frames += (size_t)1 << order;
    /* Buddies are computed on physical frame numbers so that blocks stay
     * naturally aligned in physical memory (page tables need that). */
    uint64_t pfn = (z->phys >> FRAME_SHIFT) + f;
    while (order + 1 < BUDDY_ORDERS) {
        uint64_t buddy_pfn = pfn ^ ((uint64_t)1 << order);
        if (buddy_pfn < (z->phys >> FRAME_SHIFT))
            break;
        size_t bf = (size_t)(buddy_pfn - (z->phys >> FRAME_SHIFT));
        if (bf + ((size_t)1 << order) > z->frames || z->state[bf] != order)
            break;
        list_remove((struct buddy_block *)(z->virt + (bf << FRAME_SHIFT)));
        z->state[bf] = NOT_HEAD;
        if (bf < f) {
            z->state[f] = NOT_HEAD;
            f = bf;
            pfn = buddy_pfn;
        }
        order++;
    }
    z->state[f] = (uint8_t)order;
    list_push(&b->free[order], (struct buddy_block *)(z->virt + (f << FRAME_SHIFT)));
}

bool buddy_add(struct buddy *b, uintptr_t virt, uint64_t phys, size_t bytes)
{
    if (b->zones == BUDDY_ZONES)
        return false;
    size_t skip = (size_t)(-phys & (FRAME_SIZE - 1));   /* align the start up */
    if (bytes <= skip)
        return false;
    virt += skip;
    phys += skip;
    size_t frames = (bytes - skip) >> FRAME_SHIFT;
    /* One state byte per frame, carved from the zone's first frames. */
    size_t meta = (frames + FRAME_SIZE) >> FRAME_SHIFT;
    if (frames <= meta)
        return false;
    struct buddy_zone *z = &b->zone[b->zones++];
    z->state = (uint8_t *)virt;
    z->virt = virt + (meta << FRAME_SHIFT);
    z->phys = phys + (meta << FRAME_SHIFT);
    z->frames = frames - meta;
    memset(z->state, UNAVAILABLE, z->frames);
    /* Free the frames in the largest aligned blocks that fit. */
    uint64_t pfn0 = z->phys >> FRAME_SHIFT;
    for (size_t f = 0; f < z->frames;) {
        unsigned order = BUDDY_ORDERS - 1;
        while (order && (((pfn0 + f) & (((uint64_t)1 << order) - 1)) ||
                         f + ((size_t)1 << order) > z->frames))
            order--;
        for (size_t i = 1; i < ((size_t)1 << order); i++)
            z->state[f + i] = NOT_HEAD;
        z->state[f] = (uint8_t)(USED | order);
        release(b, z, f, order);
        f += (size_t)1 << order;
    }
    return true;
}

void *buddy_alloc(struct buddy *b, unsigned order)
{
    if (order >= BUDDY_ORDERS)
        return 0;
    unsigned o = order;
    while (o < BUDDY_ORDERS && b->free[o].next == &b->free[o])
        o++;
    if (o == BUDDY_ORDERS)
        return 0;
    struct buddy_block *blk = b->free[o].next;
    list_remove(blk);
    struct buddy_zone *z = &b->zone[zone_index(b, (uintptr_t)blk)];
    size_t f = ((uintptr_t)blk - z->virt) >> FRAME_SHIFT;
    /* Split: the upper halves go back to the free lists. */
    while (o > order) {
        o--;
        size_t upper = f + ((size_t)1 << o);
        z->state[upper] = (uint8_t)o;
        list_push(&b->free[o], (struct buddy_block *)(z->virt + (upper << FRAME_SHIFT)));
    }
    z->state[f] = (uint8_t)(USED | order);
    b->free_frames -= (size_t)1 << order;
    memset(blk, 0, FRAME_SIZE << order);
    return blk;
}

void buddy_free(struct buddy *b, void *block, unsigned order)
{
    int zi = zone_index(b, (uintptr_t)block);
    struct buddy_zone *z = &b->zone[zi < 0 ? 0 : zi];
    if (zi < 0 || ((uintptr_t)block - z->virt) & (FRAME_SIZE - 1))
        panic("buddy: freeing %p that no zone owns", block);
    size_t f = ((uintptr_t)block - z->virt) >> FRAME_SHIFT;
    if (z->state[f] != (USED | order))
        panic("buddy: bad free of %p with order %u (state 0x%x)", block, order, z->state[f]);
    release(b, z, f, order);
}

uint64_t buddy_phys(const struct buddy *b, const void *p)
{
    int zi = zone_index(b, (uintptr_t)p);
    return zi < 0 ? 0 : b->zone[zi].phys + ((uintptr_t)p - b->zone[zi].virt);
}
