/* Loader-independent boot information: building and checking it. */
#include "bootinfo.h"
#include <string.h>

static void copy_bounded(char *dst, size_t cap, const char *src, size_t len)
{
    size_t n = strnlen(src, len);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

boot_error bootinfo_add_mem(struct bootinfo *bi, uint64_t base, uint64_t size, enum mem_type type)
{
    if (!size)
        return 0;                       /* empty entries are legal and ignored */
    if (base + size < base)
        return "memory region wraps around the address space";
    if (bi->mem_count == BOOT_MEM_MAX)
        return "too many memory regions";
    bi->mem[bi->mem_count++] = (struct mem_region){base, size, type};
    return 0;
}

boot_error bootinfo_add_module(struct bootinfo *bi, uint64_t start, uint64_t end,
                               const char *cmdline, size_t cmdline_len)
{
    if (end < start)
        return "module ends before it starts";
    if (bi->mod_count == BOOT_MOD_MAX)
        return "too many modules";
    struct boot_module *m = &bi->mod[bi->mod_count++];
    m->start = start;
    m->end = end;
    copy_bounded(m->cmdline, sizeof m->cmdline, cmdline ? cmdline : "", cmdline ? cmdline_len : 0);
    return 0;
}

void bootinfo_set_cmdline(struct bootinfo *bi, const char *s, size_t len)
{
    copy_bounded(bi->cmdline, sizeof bi->cmdline, s, len);
}

uint64_t bootinfo_usable_bytes(const struct bootinfo *bi)
{
    uint64_t sum = 0;
    for (unsigned i = 0; i < bi->mem_count; i++)
        if (bi->mem[i].type == MEM_USABLE)
            sum += bi->mem[i].size;
    return sum;
}

static bool inside(const struct mem_region *r, uint64_t base, uint64_t size)
{
    return base >= r->base && size <= r->size && base - r->base <= r->size - size;
}

bool bootinfo_is_usable(const struct bootinfo *bi, uint64_t base, uint64_t size)
{
    for (unsigned i = 0; i < bi->mem_count; i++)
        if (bi->mem[i].type == MEM_USABLE && inside(&bi->mem[i], base, size))
            return true;
    return false;
}

static bool in_any_region(const struct bootinfo *bi, uint64_t base, uint64_t size)
{
    for (unsigned i = 0; i < bi->mem_count; i++)
        if (inside(&bi->mem[i], base, size))
            return true;
    return false;
}

bool bootinfo_has_word(const char *cmdline, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = cmdline; *p;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        size_t len = (size_t)(p - start);
        if (len >= wl && !strncmp(start, word, wl) && (len == wl || start[wl] == '='))
            return true;
    }
    return false;
}

boot_error bootinfo_check(const struct bootinfo *bi)
{
    if (!bootinfo_usable_bytes(bi))
        return "memory map has no usable memory";
    for (unsigned i = 0; i < bi->mem_count; i++)
        for (unsigned j = i + 1; j < bi->mem_count; j++) {
            const struct mem_region *a = &bi->mem[i], *b = &bi->mem[j];
            if (a->type == MEM_USABLE && b->type == MEM_USABLE &&
                a->base < b->base + b->size && b->base < a->base + a->size)
                return "usable memory regions overlap";
        }
    if (bi->kernel_end > bi->kernel_start &&
        !bootinfo_is_usable(bi, bi->kernel_start, bi->kernel_end - bi->kernel_start))
        return "kernel image is not inside usable memory";
    for (unsigned i = 0; i < bi->mod_count; i++)
        if (bi->mod[i].end > bi->mod[i].start &&
            !in_any_region(bi, bi->mod[i].start, bi->mod[i].end - bi->mod[i].start))
            return "boot module lies outside the memory map";
    return 0;
}
