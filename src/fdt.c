/* Flattened device tree parser. The blob comes from a boot loader and is
 * not trusted: the header and every block are checked against totalsize,
 * and the structure block is walked with bounds checks before anything is
 * taken from it. Reads are byte-wise big-endian (no alignment assumed). */
#include "fdt_blob.h"
#include <string.h>

/* Pass 1: root cells, memory nodes, /chosen, /aliases. */
struct scan {
    struct bootinfo *bi;
    unsigned ac, sc;                /* root #address-cells / #size-cells */
    bool chosen, is_memory, disabled;
    const uint8_t *reg;
    uint32_t reg_len;
    const uint8_t *initrd[2];
    uint32_t initrd_len[2];
    const char *stdout_path;        /* NUL-terminated inside the blob */
};

static boot_error scan_node(void *ctx, unsigned depth, const char *name)
{
    struct scan *sc = ctx;
    if (depth != 2)
        return 0;
    sc->chosen = !strcmp(name, "chosen");
    sc->is_memory = !strcmp(name, "memory") || !strncmp(name, "memory@", 7);
    sc->disabled = false;
    sc->reg = 0;
    return 0;
}

static boot_error scan_root_cells(struct scan *sc, const char *name, const uint8_t *val, uint32_t len)
{
    bool addr = !strcmp(name, "#address-cells");
    if (!addr && strcmp(name, "#size-cells"))
        return 0;
    if (len != 4)
        return "root #address-cells/#size-cells is not one cell";
    uint32_t n = be32(val);
    if (n < 1 || n > FDT_MAX_CELLS)
        return "root #address-cells/#size-cells outside 1..2";
    *(addr ? &sc->ac : &sc->sc) = n;
    return 0;
}

static boot_error scan_prop(void *ctx, unsigned depth, const char *name, const uint8_t *val, uint32_t len)
{
    struct scan *sc = ctx;
    if (depth == 1)
        return scan_root_cells(sc, name, val, len);
    if (depth != 2)
        return 0;
    if (!strcmp(name, "device_type") && len == 7 && !memcmp(val, "memory", 7))
        sc->is_memory = true;
    /* A disabled memory node (QEMU's secure RAM) is not ours. */
    if (!strcmp(name, "status"))
        sc->disabled = !(len == 5 && !memcmp(val, "okay", 5)) && !(len == 3 && !memcmp(val, "ok", 3));
    if (!strcmp(name, "reg")) {
        sc->reg = val;
        sc->reg_len = len;
    }
    if (sc->chosen) {
        if (!strcmp(name, "bootargs"))
            bootinfo_set_cmdline(sc->bi, (const char *)val, len);
        for (int i = 0; i < 2; i++)
            if (!strcmp(name, i ? "linux,initrd-end" : "linux,initrd-start")) {
                if (len != 4 && len != 8)
                    return "initrd property is neither 32 nor 64 bits";
                sc->initrd[i] = val;
                sc->initrd_len[i] = len;
            }
        if (!strcmp(name, "stdout-path") || (!sc->stdout_path && !strcmp(name, "linux,stdout-path"))) {
            if (!prop_is_string(val, len))
                return "stdout-path is not a terminated string";
            sc->stdout_path = (const char *)val;
        }
    }
    return 0;
}

static boot_error scan_end(void *ctx, unsigned depth)
{
    struct scan *sc = ctx;
    if (depth != 2 || !sc->is_memory || sc->disabled || !sc->reg)
        return 0;
    uint32_t entry = (sc->ac + sc->sc) * 4;
    if (sc->reg_len % entry)
        return "memory reg is not a whole number of (address, size) pairs";
    for (uint32_t o = 0; o < sc->reg_len; o += entry) {
        boot_error err = bootinfo_add_mem(sc->bi, cells(sc->reg + o, sc->ac),
                                          cells(sc->reg + o + sc->ac * 4, sc->sc), MEM_USABLE);
        if (err)
            return err;
    }
    sc->is_memory = false;
    return 0;
}

/* Header and block layout; fills b. */
static boot_error check_header(uint64_t fdt, phys_reader *read, struct blob *b)
{
    if (fdt % 8)
        return "not 8-byte aligned";
    const uint8_t *h = read(fdt, FDT_HEADER_SIZE);
    if (!h)
        return "header not readable";
    if (be32(h) != FDT_MAGIC)
        return "bad magic";
    uint32_t total = be32(h + 4), st_off = be32(h + 8), str_off = be32(h + 12);
    uint32_t rsv_off = be32(h + 16), version = be32(h + 20), last_comp = be32(h + 24);
    uint32_t str_size = be32(h + 32), st_size = be32(h + 36);
    if (version < 16)
        return "version older than 16";
    if (last_comp > 17)
        return "last compatible version newer than 17";
    if (total < FDT_HEADER_SIZE || total > FDT_MAX_SIZE)
        return "totalsize out of range";
    if (version < 17) /* no size_dt_struct: up to the strings or the end */
        st_size = (str_off > st_off ? str_off : total) - st_off;
    if (st_off < FDT_HEADER_SIZE || st_off > total || st_size > total - st_off)
        return "structure block outside the blob";
    if (str_off < FDT_HEADER_SIZE || str_off > total || str_size > total - str_off)
        return "strings block outside the blob";
    if (rsv_off < FDT_HEADER_SIZE || rsv_off > total)
        return "memory reservation block outside the blob";
    if (st_off % 4 || st_size % 4)
        return "structure block not 4-byte aligned";
    if (rsv_off % 8)
        return "memory reservation block not 8-byte aligned";
    if (st_off < str_off + str_size && str_off < st_off + st_size)
        return "structure and strings blocks overlap";
    b->base = read(fdt, total);
    if (!b->base)
        return "not readable up to totalsize";
    b->size = total;
    b->st = b->base + st_off;
    b->st_size = st_size;
    b->str = (const char *)b->base + str_off;
    b->str_size = str_size;
    return 0;
}

/* The /memreserve/ entries, up to the (0, 0) terminator. */
static boot_error reservations(const struct blob *b, uint32_t off, struct bootinfo *bi)
{
    uint32_t st_off = (uint32_t)(b->st - b->base), str_off = (uint32_t)((const uint8_t *)b->str - b->base);
    for (uint32_t o = off;; o += 16) {
        if (b->size - o < 16)
            return "memory reservation block not terminated";
        if ((o < st_off + b->st_size && st_off < o + 16) ||
            (o < str_off + b->str_size && str_off < o + 16))
            return "memory reservation block overlaps another block";
        uint64_t base = cells(b->base + o, 2), size = cells(b->base + o + 8, 2);
        if (!base && !size)
            return 0;
        boot_error err = bootinfo_add_mem(bi, base, size, MEM_RESERVED);
        if (err)
            return err;
    }
}

boot_error fdt_parse(uint64_t fdt, phys_reader *read, struct bootinfo *bi)
{
    static const struct visitor scan_v = {scan_node, scan_prop, scan_end};
    struct blob b;
    boot_error err = check_header(fdt, read, &b);
    if (!err)
        err = reservations(&b, be32(b.base + 16), bi);
    struct scan sc = {.bi = bi, .ac = 2, .sc = 1};
    if (!err)
        err = fdt_walk(&b, &scan_v, &sc);
    if (err)
        return err;
    bi->loader = "fdt";
    bi->fdt_addr = fdt;
    bi->fdt_size = b.size;
    if (!sc.initrd[0] != !sc.initrd[1])
        return "only one of linux,initrd-start and linux,initrd-end";
    if (sc.initrd[0] && (err = bootinfo_add_module(bi, cells(sc.initrd[0], sc.initrd_len[0] / 4),
                                                   cells(sc.initrd[1], sc.initrd_len[1] / 4),
                                                   "initrd", 6)))
        return err;
    if (!sc.stdout_path)
        return 0;
    return fdt_find_console(&b, sc.stdout_path, bi);
}
