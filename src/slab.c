/* Object caches: one free list per type, refilled a frame at a time.
 * Frames stay with their cache (objects of one size reuse them). */
#include "slab.h"
#include "buddy.h"
#include "kmem.h"
#include <string.h>

struct slab_free {
    struct slab_free *next;
};

static bool refill(struct slab_cache *c)
{
    unsigned char *frame = buddy_alloc(&kmem, 0);
    if (!frame)
        return false;
    for (size_t off = 0; off + c->size <= FRAME_SIZE; off += c->size) {
        struct slab_free *f = (struct slab_free *)(frame + off);
        f->next = c->free;
        c->free = f;
    }
    return true;
}

void *slab_alloc(struct slab_cache *c, struct quota *q)
{
    if (!quota_charge(q, c->size))
        return 0;
    if (!c->free && !refill(c)) {
        quota_release(q, c->size);
        return 0;
    }
    struct slab_free *f = c->free;
    c->free = f->next;
    c->objects++;
    memset(f, 0, c->size);
    return f;
}

void slab_free(struct slab_cache *c, struct quota *q, void *obj)
{
    struct slab_free *f = obj;
    f->next = c->free;
    c->free = f;
    c->objects--;
    quota_release(q, c->size);
}
