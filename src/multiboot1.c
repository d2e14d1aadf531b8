/* Multiboot v1 information (flags used: 0 mem, 2 cmdline, 3 mods, 6 mmap). */
#include "multiboot.h"
#include <string.h>

enum {
    MB1_FLAG_MEM = 1u << 0,
    MB1_FLAG_CMDLINE = 1u << 2,
    MB1_FLAG_MODS = 1u << 3,
    MB1_FLAG_MMAP = 1u << 6,
};

struct mb1_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline, mods_count,
        mods_addr, syms[4], mmap_length, mmap_addr;
};

struct mb1_module {
    uint32_t start, end, cmdline, reserved;
};

struct __attribute__((packed)) mb1_mmap_entry {
    uint32_t size;
    uint64_t base, length;
    uint32_t type;
};

/* Reads a NUL-terminated string of at most max bytes at pa. */
static boot_error read_string(uint64_t pa, phys_reader *read, const char **out, size_t *len)
{
    for (size_t n = 1; n <= BOOT_CMDLINE_MAX; n++) {
        const char *s = read(pa, n);
        if (!s)
            return "string outside accessible memory";
        if (s[n - 1] == '\0') {
            *out = s;
            *len = n - 1;
            return 0;
        }
    }
    return "string is not terminated";
}

static boot_error parse_mmap(const struct mb1_info *mi, phys_reader *read, struct bootinfo *bi)
{
    const unsigned char *map = read(mi->mmap_addr, mi->mmap_length);
    if (!map)
        return "multiboot1 memory map outside accessible memory";
    for (uint32_t off = 0; off < mi->mmap_length;) {
        if (mi->mmap_length - off < sizeof(struct mb1_mmap_entry))
            return "multiboot1 memory map entry truncated";
        struct mb1_mmap_entry e;
        memcpy(&e, map + off, sizeof e);
        if (e.size < 20 || e.size > mi->mmap_length - off - 4)
            return "multiboot1 memory map entry has a bad size";
        boot_error err = bootinfo_add_mem(bi, e.base, e.length, e.type == 1 ? MEM_USABLE : MEM_RESERVED);
        if (err)
            return err;
        off += e.size + 4;
    }
    return 0;
}

static boot_error parse_modules(const struct mb1_info *mi, phys_reader *read, struct bootinfo *bi)
{
    if (mi->mods_count > BOOT_MOD_MAX)
        return "multiboot1 module count too large";
    const unsigned char *list = read(mi->mods_addr, (uint64_t)mi->mods_count * sizeof(struct mb1_module));
    if (mi->mods_count && !list)
        return "multiboot1 module list outside accessible memory";
    for (uint32_t i = 0; i < mi->mods_count; i++) {
        struct mb1_module m;          /* copied: the loader need not align the list */
        memcpy(&m, list + i * sizeof m, sizeof m);
        const char *cmd = "";
        size_t len = 0;
        if (m.cmdline) {
            boot_error err = read_string(m.cmdline, read, &cmd, &len);
            if (err)
                return "multiboot1 module command line unreadable";
        }
        boot_error err = bootinfo_add_module(bi, m.start, m.end, cmd, len);
        if (err)
            return err;
    }
    return 0;
}

boot_error multiboot1_parse(uint64_t info, phys_reader *read, struct bootinfo *bi)
{
    const void *raw = read(info, sizeof(struct mb1_info));
    if (!raw)
        return "multiboot1 information outside accessible memory";
    struct mb1_info copy;             /* EBX need not be aligned either */
    memcpy(&copy, raw, sizeof copy);
    const struct mb1_info *mi = &copy;
    bi->loader = "multiboot1";
    if (mi->flags & MB1_FLAG_CMDLINE) {
        const char *s;
        size_t len;
        if (read_string(mi->cmdline, read, &s, &len))
            return "multiboot1 command line unreadable or unterminated";
        bootinfo_set_cmdline(bi, s, len);
    }
    boot_error err = 0;
    if (mi->flags & MB1_FLAG_MMAP)
        err = parse_mmap(mi, read, bi);
    else if (mi->flags & MB1_FLAG_MEM) {
        err = bootinfo_add_mem(bi, 0, (uint64_t)mi->mem_lower << 10, MEM_USABLE);
        if (!err)
            err = bootinfo_add_mem(bi, 1u << 20, (uint64_t)mi->mem_upper << 10, MEM_USABLE);
    } else
        return "multiboot1 information has no memory map";
    if (!err && (mi->flags & MB1_FLAG_MODS))
        err = parse_modules(mi, read, bi);
    return err;
}
