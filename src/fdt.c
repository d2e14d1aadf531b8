/* Flattened device tree parser. The blob comes from a boot loader and is
 * not trusted: the header and every block are checked against totalsize,
 * and the structure block is walked with bounds checks before anything is
 * taken from it. Reads are byte-wise big-endian (no alignment assumed). */
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

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A 1- or 2-cell big-endian number. */
static uint64_t cells(const uint8_t *p, unsigned n)
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

/* Walks the structure block, checking every token against its bounds. */
static boot_error walk(const struct blob *b, const struct visitor *v, void *ctx)
{
    const uint8_t *s = b->st;
    uint32_t off = 0, end = b->st_size;
    unsigned depth = 0;
    bool root_seen = false, has_child[FDT_MAX_DEPTH + 1] = {false};
    boot_error err = 0;
    for (;;) {
        if (end - off < 4)
            return "structure block ends without FDT_END";
        uint32_t tok = be32(s + off);
        off += 4;
        switch (tok) {
        case FDT_NOP:
            continue;
        case FDT_BEGIN_NODE: {
            const char *name = (const char *)s + off;
            const char *nul = memchr(name, 0, end - off);
            if (!nul)
                return "node name runs past the structure block";
            uint32_t adv = ((uint32_t)(nul - name) + 4) & ~3u;
            if (adv > end - off)
                return "node name padding runs past the structure block";
            if (depth == 0 && root_seen)
                return "more than one root node";
            if (depth == FDT_MAX_DEPTH)
                return "nodes nested too deeply";
            if (depth == 0 && *name)
                return "root node has a name";
            has_child[depth] = true;
            has_child[++depth] = false;
            root_seen = true;
            off += adv;
            if (v->node && (err = v->node(ctx, depth, name)))
                return err;
            continue;
        }
        case FDT_END_NODE:
            if (!depth)
                return "FDT_END_NODE without a node";
            if (v->end && (err = v->end(ctx, depth)))
                return err;
            depth--;
            continue;
        case FDT_PROP: {
            if (end - off < 8)
                return "property header runs past the structure block";
            uint32_t len = be32(s + off), nameoff = be32(s + off + 4);
            off += 8;
            if (!depth)
                return "property outside any node";
            if (has_child[depth])
                return "property after a subnode";
            if (len > end - off || ((len + 3) & ~3u) > end - off)
                return "property value runs past the structure block";
            if (nameoff >= b->str_size)
                return "property name offset outside the strings block";
            const char *pname = b->str + nameoff;
            if (!memchr(pname, 0, b->str_size - nameoff))
                return "property name not terminated in the strings block";
            if (v->prop && (err = v->prop(ctx, depth, pname, s + off, len)))
                return err;
            off += (len + 3) & ~3u;
            continue;
        }
        case FDT_END:
            if (depth)
                return "FDT_END inside an open node";
            if (!root_seen)
                return "no root node";
            return 0;
        default:
            return "unknown token in the structure block";
        }
    }
}

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

static bool prop_is_string(const uint8_t *val, uint32_t len)
{
    return len && memchr(val, 0, len);
}

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

/* Pass 2 for a stdout-path naming an alias: its value in /aliases. */
struct alias {
    const char *name;
    size_t len;
    bool in_aliases;
    const char *path;
};

static boot_error alias_node(void *ctx, unsigned depth, const char *name)
{
    struct alias *a = ctx;
    if (depth == 2)
        a->in_aliases = !strcmp(name, "aliases");
    return 0;
}

static boot_error alias_prop(void *ctx, unsigned depth, const char *name, const uint8_t *val, uint32_t len)
{
    struct alias *a = ctx;
    if (depth != 2 || !a->in_aliases || strlen(name) != a->len || strncmp(name, a->name, a->len))
        return 0;
    if (!prop_is_string(val, len))
        return "alias is not a terminated string";
    a->path = (const char *)val;
    return 0;
}

/* Pass 3: the node at a path; its reg is translated to a CPU address
 * through the ranges of every ancestor. */
struct find {
    const char *comp[FDT_MAX_DEPTH];
    size_t comp_len[FDT_MAX_DEPTH];
    unsigned ncomp;
    unsigned on_path;               /* depth of the deepest matching ancestor */
    bool done;
    struct {
        unsigned ac, sc;
        bool has_ranges;
        const uint8_t *ranges;
        uint32_t ranges_len;
    } lvl[FDT_MAX_DEPTH + 1];
    const uint8_t *reg, *compat;
    uint32_t reg_len, compat_len;
};

/* A path component matches a node name exactly or, without a unit
 * address, the name up to its '@'. */
static bool comp_match(const char *c, size_t clen, const char *name)
{
    size_t n = strlen(name);
    if (n == clen && !strncmp(c, name, n))
        return true;
    return !memchr(c, '@', clen) && n > clen && name[clen] == '@' && !strncmp(c, name, clen);
}

static boot_error find_node(void *ctx, unsigned depth, const char *name)
{
    struct find *f = ctx;
    if (f->done || f->on_path != depth - 1)
        return 0;
    if (depth > 1 && (depth - 2 >= f->ncomp ||
                      !comp_match(f->comp[depth - 2], f->comp_len[depth - 2], name)))
        return 0;
    f->on_path = depth;
    f->lvl[depth].ac = 2;
    f->lvl[depth].sc = 1;
    f->lvl[depth].has_ranges = false;
    return 0;
}

static boot_error find_prop(void *ctx, unsigned depth, const char *name, const uint8_t *val, uint32_t len)
{
    struct find *f = ctx;
    if (f->done || f->on_path != depth)
        return 0;
    if (len == 4 && !strcmp(name, "#address-cells"))
        f->lvl[depth].ac = be32(val);
    else if (len == 4 && !strcmp(name, "#size-cells"))
        f->lvl[depth].sc = be32(val);
    else if (!strcmp(name, "ranges")) {
        f->lvl[depth].has_ranges = true;
        f->lvl[depth].ranges = val;
        f->lvl[depth].ranges_len = len;
    } else if (depth == f->ncomp + 1 && !strcmp(name, "reg")) {
        f->reg = val;
        f->reg_len = len;
    } else if (depth == f->ncomp + 1 && !strcmp(name, "compatible")) {
        f->compat = val;
        f->compat_len = len;
    }
    return 0;
}

static boot_error find_end(void *ctx, unsigned depth)
{
    struct find *f = ctx;
    if (!f->done && f->on_path == depth) {
        f->done = depth == f->ncomp + 1;    /* the first match wins */
        f->on_path--;
    }
    return 0;
}

/* Maps a bus address of a child of the node at depth d to its parent's. */
static bool translate(const struct find *f, unsigned d, uint64_t *addr)
{
    unsigned cac = f->lvl[d].ac, pac = f->lvl[d - 1].ac, csc = f->lvl[d].sc;
    if (!f->lvl[d].has_ranges || cac > FDT_MAX_CELLS || pac > FDT_MAX_CELLS || csc > FDT_MAX_CELLS)
        return false;
    if (!f->lvl[d].ranges_len)
        return true;                        /* empty ranges: identity */
    uint32_t entry = (cac + pac + csc) * 4;
    for (uint32_t o = 0; entry && o + entry <= f->lvl[d].ranges_len; o += entry) {
        const uint8_t *r = f->lvl[d].ranges + o;
        uint64_t child = cells(r, cac), parent = cells(r + cac * 4, pac);
        uint64_t size = cells(r + (cac + pac) * 4, csc);
        if (*addr >= child && *addr - child < size) {
            *addr = parent + (*addr - child);
            return true;
        }
    }
    return false;
}

/* Fills the console fields from the node at path[0..len) if it exists
 * and its address is reachable from the CPU; a path to nowhere is no error. */
static boot_error find_console(const struct blob *b, const char *path, size_t len, struct bootinfo *bi)
{
    static const struct visitor v = {find_node, find_prop, find_end};
    struct find f;
    memset(&f, 0, sizeof f);
    for (size_t i = 0; i < len;) {
        if (path[i] == '/') {
            i++;
            continue;
        }
        if (f.ncomp == FDT_MAX_DEPTH - 1)
            return 0;
        size_t n = 0;
        while (i + n < len && path[i + n] != '/')
            n++;
        f.comp[f.ncomp] = path + i;
        f.comp_len[f.ncomp++] = n;
        i += n;
    }
    boot_error err = walk(b, &v, &f);
    if (err || !f.done || !f.reg || !f.ncomp)
        return err;
    unsigned d = f.ncomp + 1, pac = f.lvl[d - 1].ac;
    if (pac < 1 || pac > FDT_MAX_CELLS || f.reg_len < pac * 4)
        return 0;
    uint64_t addr = cells(f.reg, pac);
    for (unsigned a = d - 1; a >= 2; a--)
        if (!translate(&f, a, &addr))
            return 0;                       /* not reachable from the CPU */
    bi->console_base = addr;
    if (f.compat && prop_is_string(f.compat, f.compat_len)) {
        size_t n = strnlen((const char *)f.compat, sizeof bi->console_compat - 1);
        memcpy(bi->console_compat, f.compat, n);
        bi->console_compat[n] = '\0';
    }
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
        err = walk(&b, &scan_v, &sc);
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
    /* "serial0:115200n8": options follow ':'; a name without '/' is an alias. */
    const char *path = sc.stdout_path;
    size_t len = 0;
    while (path[len] && path[len] != ':')
        len++;
    if (len && path[0] != '/') {
        static const struct visitor alias_v = {alias_node, alias_prop, 0};
        struct alias a = {.name = path, .len = len};
        if ((err = walk(&b, &alias_v, &a)) || !a.path)
            return err;
        path = a.path;
        len = strlen(path);
    }
    return len ? find_console(&b, path, len, bi) : 0;
}
