/* Typed object caches on top of the frame allocator. Memory is charged
 * to a quota before it is handed out. */
#pragma once
#include <stddef.h>
#include "quota.h"

struct slab_free;

struct slab_cache {
    const char *name;
    size_t size;               /* object size, a multiple of 32 */
    struct slab_free *free;
    size_t objects;            /* in use, for the probes */
};

#define SLAB_CACHE(var, type)                                                 \
    struct slab_cache var = {#type, (sizeof(type) + 31) & ~(size_t)31, 0, 0}

/* A zeroed object charged to q; NULL when q or memory is exhausted. */
void *slab_alloc(struct slab_cache *c, struct quota *q);
void slab_free(struct slab_cache *c, struct quota *q, void *obj);
