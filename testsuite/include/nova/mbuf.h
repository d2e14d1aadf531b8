/* Memory-buffer console (spec 5.10), located by the HIP MBUF range; NOVA
 * does an "up" on the console SM (NOVA object space SEL_NUM-1) per line. */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct nova_mbuf {
    uint32_t rd_idx;    /* next character the consumer reads (consumer-owned) */
    uint32_t wr_idx;    /* next character NOVA writes (NOVA-owned) */
    char ring[];        /* N = end - start - 8 characters; empty when equal */
};
_Static_assert(offsetof(struct nova_mbuf, rd_idx) == 0, "mbuf RdIdx");
_Static_assert(offsetof(struct nova_mbuf, wr_idx) == 4, "mbuf WrIdx");
_Static_assert(offsetof(struct nova_mbuf, ring) == 8, "mbuf ring");
/* The reserved top bits of the index words are unconfirmed (they look like
 * bits 31..28); impl. NOVA uses full words with indices < 4088. */
