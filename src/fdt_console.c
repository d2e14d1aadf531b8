/* Finding the console the FDT names in /chosen stdout-path: aliases,
 * the node by path, its reg translated through the parents' ranges. */
#include "fdt_blob.h"
#include <string.h>

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
static boot_error find_by_path(const struct blob *b, const char *path, size_t len, struct bootinfo *bi)
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
    boot_error err = fdt_walk(b, &v, &f);
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

boot_error fdt_find_console(const struct blob *b, const char *stdout_path, struct bootinfo *bi)
{
    boot_error err;
    /* "serial0:115200n8": options follow ':'; a name without '/' is an alias. */
    const char *path = stdout_path;
    size_t len = 0;
    while (path[len] && path[len] != ':')
        len++;
    if (len && path[0] != '/') {
        static const struct visitor alias_v = {alias_node, alias_prop, 0};
        struct alias a = {.name = path, .len = len};
        if ((err = fdt_walk(b, &alias_v, &a)) || !a.path)
            return err;
        path = a.path;
        len = strlen(path);
    }
    return len ? find_by_path(b, path, len, bi) : 0;
}
