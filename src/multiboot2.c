/* Multiboot v2 information: tags 1 cmdline, 3 module, 4 basic meminfo,
 * 6 memory map, 14/15 ACPI RSDP copies; 12/20 (EFI64) are noted for
 * later. Tags are 8-aligned. */
#include "multiboot.h"
#include <string.h>

enum { TAG_END = 0, TAG_CMDLINE = 1, TAG_MODULE = 3, TAG_MEMINFO = 4, TAG_MMAP = 6,
       TAG_ACPI_OLD = 14, TAG_ACPI_NEW = 15 };

struct mb2_tag {
    uint32_t type, size;
};

static boot_error tag_string(const unsigned char *p, uint32_t len, const char **s, size_t *n)
{
    if (!len || memchr(p, '\0', len) == 0)
        return "multiboot2 string tag is not terminated";
    *s = (const char *)p;
    *n = strnlen(*s, len);
    return 0;
}

static boot_error parse_mmap(const unsigned char *t, uint32_t size, struct bootinfo *bi)
{
    if (size < 16)
        return "multiboot2 memory map tag truncated";
    uint32_t entry_size, entry_version;
    memcpy(&entry_size, t + 8, 4);
    memcpy(&entry_version, t + 12, 4);
    if (entry_size < 24 || entry_size % 8)
        return "multiboot2 memory map entry size invalid";
    for (uint32_t off = 16; off + entry_size <= size; off += entry_size) {
        uint64_t base, len;
        uint32_t type;
        memcpy(&base, t + off, 8);
        memcpy(&len, t + off + 8, 8);
        memcpy(&type, t + off + 16, 4);
        boot_error err = bootinfo_add_mem(bi, base, len, type == 1 ? MEM_USABLE : MEM_RESERVED);
        if (err)
            return err;
    }
    return 0;
}

static boot_error parse_tag(const unsigned char *t, uint64_t t_pa, uint32_t type, uint32_t size,
                            struct bootinfo *bi, bool *have_mmap, uint64_t meminfo[2])
{
    const char *s;
    size_t n;
    switch (type) {
    case TAG_CMDLINE:
        if (tag_string(t + 8, size - 8, &s, &n))
            return "multiboot2 command line is not terminated";
        bootinfo_set_cmdline(bi, s, n);
        return 0;
    case TAG_MODULE: {
        if (size < 17)
            return "multiboot2 module tag truncated";
        uint32_t start, end;
        memcpy(&start, t + 8, 4);
        memcpy(&end, t + 12, 4);
        if (tag_string(t + 16, size - 16, &s, &n))
            return "multiboot2 module command line is not terminated";
        return bootinfo_add_module(bi, start, end, s, n);
    }
    case TAG_MEMINFO:
        if (size < 16)
            return "multiboot2 basic memory tag truncated";
        uint32_t lower, upper;
        memcpy(&lower, t + 8, 4);
        memcpy(&upper, t + 12, 4);
        meminfo[0] = (uint64_t)lower << 10;
        meminfo[1] = (uint64_t)upper << 10;
        return 0;
    case TAG_MMAP:
        *have_mmap = true;
        return parse_mmap(t, size, bi);
    case TAG_ACPI_OLD:
    case TAG_ACPI_NEW:
        if (size < 8 + 20)
            return "multiboot2 ACPI tag is too short for an RSDP";
        if (type == TAG_ACPI_NEW || !bi->acpi_rsdp)
            bi->acpi_rsdp = t_pa + 8;        /* the copy: validated by the ACPI parser */
        return 0;
    default:
        return 0;   /* tags we do not use are skipped */
    }
}

boot_error multiboot2_parse(uint64_t info, phys_reader *read, struct bootinfo *bi)
{
    const uint32_t *hdr = read(info, 8);
    if (!hdr)
        return "multiboot2 information outside accessible memory";
    if (info % 8)
        return "multiboot2 information is not 8-byte aligned";
    uint32_t total = hdr[0];
    if (total < 16 || total > (1u << 20))
        return "multiboot2 information has an implausible size";
    const unsigned char *base = read(info, total);
    if (!base)
        return "multiboot2 information outside accessible memory";
    bi->loader = "multiboot2";
    bool have_mmap = false, have_end = false;
    uint64_t meminfo[2] = {0, 0};
    for (uint32_t off = 8; off + sizeof(struct mb2_tag) <= total;) {
        struct mb2_tag tag;
        memcpy(&tag, base + off, sizeof tag);
        if (tag.size < 8 || tag.size > total - off)
            return "multiboot2 tag size runs past the information";
        if (tag.type == TAG_END) {
            have_end = true;
            break;
        }
        boot_error err = parse_tag(base + off, info + off, tag.type, tag.size, bi, &have_mmap, meminfo);
        if (err)
            return err;
        off += (tag.size + 7) & ~7u;
    }
    if (!have_end)
        return "multiboot2 information has no end tag";
    if (!have_mmap) {
        if (!meminfo[1])
            return "multiboot2 information has no memory map";
        boot_error err = bootinfo_add_mem(bi, 0, meminfo[0], MEM_USABLE);
        if (!err)
            err = bootinfo_add_mem(bi, 1u << 20, meminfo[1], MEM_USABLE);
        return err;
    }
    return 0;
}
