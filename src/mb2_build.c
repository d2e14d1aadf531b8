/* Multiboot v2 information: fixed part (total size, reserved), 8-aligned
 * tags {type, size, payload}, an end tag {0, 8}. */
#include "mb2_build.h"
#include <string.h>

enum { TAG_END = 0, TAG_CMDLINE = 1, TAG_MODULE = 3, TAG_MMAP = 6, TAG_ACPI_NEW = 15 };
enum { MMAP_ENTRY = 24 };

static void put32(struct mb2_build *b, uint32_t off, uint32_t v) { memcpy(b->buf + off, &v, 4); }

/* Room for n more bytes at len, or the builder is full. */
static bool room(struct mb2_build *b, uint32_t n)
{
    if (b->full || n > b->cap - b->len) {
        b->full = true;
        return false;
    }
    return true;
}

static void pad(struct mb2_build *b)
{
    uint32_t aligned = (b->len + 7) & ~7u;
    if (room(b, aligned - b->len)) {
        memset(b->buf + b->len, 0, aligned - b->len);
        b->len = aligned;
    }
}

/* A tag with head bytes of payload (copied from head) then a string. */
static void tag(struct mb2_build *b, uint32_t type, const void *head, uint32_t head_len,
                const char *s, size_t s_len)
{
    size_t n = s ? strnlen(s, s_len) : 0;
    uint32_t size = 8 + head_len + (s ? (uint32_t)n + 1 : 0);
    if (n > 4096 || !room(b, size)) {
        b->full = true;
        return;
    }
    put32(b, b->len, type);
    put32(b, b->len + 4, size);
    if (head_len)
        memcpy(b->buf + b->len + 8, head, head_len);
    if (s) {
        memcpy(b->buf + b->len + 8 + head_len, s, n);
        b->buf[b->len + size - 1] = 0;
    }
    b->len += size;
    pad(b);
}

void mb2_begin(struct mb2_build *b, void *buf, uint32_t cap)
{
    *b = (struct mb2_build){.buf = buf, .cap = cap, .len = 8};
    if (cap < 8 || (uintptr_t)buf % 8)
        b->full = true;
}

void mb2_cmdline(struct mb2_build *b, const char *s, size_t len)
{
    tag(b, TAG_CMDLINE, 0, 0, s, len);
}

void mb2_module(struct mb2_build *b, uint32_t start, uint32_t end, const char *s, size_t len)
{
    uint32_t range[2] = {start, end};
    tag(b, TAG_MODULE, range, 8, s, len);
}

void mb2_acpi_new(struct mb2_build *b, const void *rsdp, uint32_t len)
{
    tag(b, TAG_ACPI_NEW, rsdp, len, 0, 0);
}

void mb2_mmap_begin(struct mb2_build *b)
{
    if (!room(b, 16))
        return;
    b->mmap_tag = b->len;
    put32(b, b->len, TAG_MMAP);
    put32(b, b->len + 8, MMAP_ENTRY);
    put32(b, b->len + 12, 0);                   /* entry version */
    b->len += 16;
}

void mb2_mmap_add(struct mb2_build *b, uint64_t base, uint64_t size, uint32_t type)
{
    if (!b->mmap_tag || !room(b, MMAP_ENTRY))
        return;
    memcpy(b->buf + b->len, &base, 8);
    memcpy(b->buf + b->len + 8, &size, 8);
    put32(b, b->len + 16, type);
    put32(b, b->len + 20, 0);
    b->len += MMAP_ENTRY;
}

void mb2_mmap_end(struct mb2_build *b)
{
    if (!b->mmap_tag)
        return;
    put32(b, b->mmap_tag + 4, b->len - b->mmap_tag);
    b->mmap_tag = 0;
    pad(b);
}

boot_error mb2_end(struct mb2_build *b)
{
    if (b->mmap_tag)
        return "multiboot2 memory map tag left open";
    if (!room(b, 8))
        return "multiboot2 information does not fit its buffer";
    put32(b, b->len, TAG_END);
    put32(b, b->len + 4, 8);
    b->len += 8;
    put32(b, 0, b->len);
    put32(b, 4, 0);
    return 0;
}
