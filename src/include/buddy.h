/* Physical frame allocator: a binary buddy system over zones of usable
 * memory, handing out naturally aligned blocks of 2^order frames through
 * the kernel's mapping of them. Portable (host-tested). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FRAME_SHIFT 12
#define FRAME_SIZE (1ul << FRAME_SHIFT)
#define BUDDY_ORDERS 11            /* blocks of 4 KiB .. 4 MiB */
#define BUDDY_ZONES 16

struct buddy_block {
    struct buddy_block *next, *prev;
};

/* A contiguous run of frames; its per-frame state bytes live at its start. */
struct buddy_zone {
    uintptr_t virt;                /* kernel address of frame 0 */
    uint64_t phys;                 /* physical address of frame 0 */
    size_t frames;
    uint8_t *state;                /* per frame: order of a free block head, or BLOCK_USED */
};

struct buddy {
    struct buddy_zone zone[BUDDY_ZONES];
    unsigned zones;
    struct buddy_block free[BUDDY_ORDERS];  /* circular list heads */
    size_t free_frames;
};

void buddy_init(struct buddy *b);
/* Hands [virt, virt+bytes) (physical phys) to the allocator; unaligned
 * edges are trimmed and the zone's state bytes carved from its start.
 * Returns false when the region is too small or there is no zone left. */
bool buddy_add(struct buddy *b, uintptr_t virt, uint64_t phys, size_t bytes);
/* A zeroed block of 2^order frames, aligned to its size; NULL when none. */
void *buddy_alloc(struct buddy *b, unsigned order);
/* Returns a block from buddy_alloc with the same order. */
void buddy_free(struct buddy *b, void *block, unsigned order);
/* Physical address of a kernel address inside a zone; 0 when outside. */
uint64_t buddy_phys(const struct buddy *b, const void *p);
