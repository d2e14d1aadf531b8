/* Per-PD kernel memory accounting: objects are charged to their owner PD
 * and capability storage to the PD holding the destination space; an
 * exhausted quota is MEM_OBJ / MEM_CAP, never a kernel failure. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct quota {
    uint64_t limit, used;   /* bytes */
};

static inline bool quota_charge(struct quota *q, uint64_t bytes)
{
    if (bytes > q->limit - q->used)
        return false;
    q->used += bytes;
    return true;
}

static inline void quota_release(struct quota *q, uint64_t bytes)
{
    q->used -= bytes;
}
