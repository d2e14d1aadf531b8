/* Internal to the FDT parser (src/fdt*.c): blob layout, token walk. */
#pragma once
#include "fdt.h"
#include <stdbool.h>
#include <string.h>

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u
#define FDT_HEADER_SIZE 40u
#define FDT_MAX_SIZE (2u << 20)     /* the arm64 boot protocol's limit */
#define FDT_MAX_DEPTH 16u           /* deeper than any real tree */
#define FDT_MAX_CELLS 2u            /* addresses and sizes up to 64 bits */

static inline uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A 1- or 2-cell big-endian number. */
static inline uint64_t cells(const uint8_t *p, unsigned n)
{
    return n == 2 ? (uint64_t)be32(p) << 32 | be32(p + 4) : n == 1 ? be32(p) : 0;
}

struct blob {
    const uint8_t *base;
    uint32_t size;
    const uint8_t *st;      /* structure block */
    uint32_t st_size;
    const char *str;        /* strings block */
    uint32_t str_size;
};

/* What a walk reports; depth 1 is the root node. A callback returns an
 * error to stop the walk. */
struct visitor {
    boot_error (*node)(void *ctx, unsigned depth, const char *name);
    boot_error (*prop)(void *ctx, unsigned depth, const char *name, const uint8_t *val, uint32_t len);
    boot_error (*end)(void *ctx, unsigned depth);
};


static inline bool prop_is_string(const uint8_t *val, uint32_t len)
{
    return len && memchr(val, 0, len);
}

/* Walks the structure block, checking every token against its bounds. */
boot_error fdt_walk(const struct blob *b, const struct visitor *v, void *ctx);

/* Resolves /chosen stdout-path (alias or path, options stripped) to the
 * console node's translated reg base and first compatible. */
boot_error fdt_find_console(const struct blob *b, const char *stdout_path, struct bootinfo *bi);
