/* The GIC and the EL2 timer interrupt as the DTB describes them: a node
 * with "interrupt-controller" and a GIC compatible (the one the root's
 * interrupt-parent names wins), its reg translated through the ancestors'
 * ranges, the first "arm,gic-v3-its" msi-controller among a GICv3's
 * children, and the fourth /timer interrupt (the EL2 physical timer PPI).
 * fdt_parse() has validated the blob; the walk is the parser's bounded
 * one (src/fdt_walk.c). */
#include "gic.h"
#include "arch.h"
#include "bootinfo.h"
#include "dt.h"

#define MAX_REG 6
#define MAX_GICS 4

struct node {
    unsigned ac, sc;                    /* for its children */
    const uint8_t *ranges, *compat, *reg, *irqs;
    uint32_t ranges_len, compat_len, reg_len, irqs_len, phandle, icells, rd_regions;
    bool has_ranges, intc, msi_controller;
};

struct found {
    enum gic_version version;
    uint32_t phandle, icells, rd_regions;
    unsigned nreg;
    uint64_t base[MAX_REG], size[MAX_REG];
    uint64_t its;                       /* a child ITS (0: none) */
};

struct dt_scan {
    struct node n[FDT_MAX_DEPTH + 1];
    uint32_t root_parent;               /* the root's interrupt-parent phandle */
    struct found gic[MAX_GICS];
    unsigned ngic;
    const uint8_t *timer_irqs;
    uint32_t timer_irqs_len;
    uint64_t its;                       /* an ITS whose parent has not ended yet */
    unsigned its_depth;                 /* its node's depth (0: none) */
};

static bool has_compat(const uint8_t *list, uint32_t len, const char *want)
{
    size_t n = strlen(want) + 1;
    for (uint32_t o = 0; list && o < len;) {
        const uint8_t *end = memchr(list + o, 0, len - o);
        if (!end)
            return false;
        if ((size_t)(end - (list + o)) + 1 == n && !memcmp(list + o, want, n))
            return true;
        o = (uint32_t)(end - list) + 1;
    }
    return false;
}

static enum gic_version gic_kind(const struct node *nd)
{
    static const char *const v2[] = {"arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
                                     "arm,cortex-a7-gic"};
    if (has_compat(nd->compat, nd->compat_len, "arm,gic-v3"))
        return GIC_V3;
    for (unsigned i = 0; i < sizeof v2 / sizeof v2[0]; i++)
        if (has_compat(nd->compat, nd->compat_len, v2[i]))
            return GIC_V2;
    return 0;
}

static boot_error on_node(void *ctx, unsigned depth, const char *name)
{
    (void)name;
    struct dt_scan *s = ctx;
    s->n[depth] = (struct node){.ac = 2, .sc = 1, .icells = 3, .rd_regions = 1};
    return 0;
}

static boot_error on_prop(void *ctx, unsigned depth, const char *name, const uint8_t *val,
                          uint32_t len)
{
    struct dt_scan *s = ctx;
    struct node *nd = &s->n[depth];
    uint32_t v = len == 4 ? be32(val) : 0;
    if (len == 4 && !strcmp(name, "#address-cells"))
        nd->ac = v;
    else if (len == 4 && !strcmp(name, "#size-cells"))
        nd->sc = v;
    else if (len == 4 && !strcmp(name, "#interrupt-cells"))
        nd->icells = v;
    else if (len == 4 && !strcmp(name, "#redistributor-regions"))
        nd->rd_regions = v;
    else if (len == 4 && !strcmp(name, "phandle"))
        nd->phandle = v;
    else if (len == 4 && depth == 1 && !strcmp(name, "interrupt-parent"))
        s->root_parent = v;
    else if (!strcmp(name, "interrupt-controller"))
        nd->intc = true;
    else if (!strcmp(name, "msi-controller"))
        nd->msi_controller = true;
    else if (!strcmp(name, "ranges")) {
        nd->has_ranges = true;
        nd->ranges = val;
        nd->ranges_len = len;
    } else if (!strcmp(name, "compatible")) {
        nd->compat = val;
        nd->compat_len = len;
    } else if (!strcmp(name, "reg")) {
        nd->reg = val;
        nd->reg_len = len;
    } else if (!strcmp(name, "interrupts")) {
        nd->irqs = val;
        nd->irqs_len = len;
    }
    return 0;
}

/* A bus address of a child of the node at depth d, in its parent's terms. */
static bool translate(const struct dt_scan *s, unsigned d, uint64_t *addr)
{
    const struct node *n = &s->n[d];
    unsigned cac = n->ac, pac = s->n[d - 1].ac, csc = n->sc;
    if (!n->has_ranges || cac > FDT_MAX_CELLS || pac > FDT_MAX_CELLS || csc > FDT_MAX_CELLS)
        return false;
    if (!n->ranges_len)
        return true;
    uint32_t entry = (cac + pac + csc) * 4;
    for (uint32_t o = 0; entry && o + entry <= n->ranges_len; o += entry) {
        const uint8_t *r = n->ranges + o;
        uint64_t child = cells(r, cac), parent = cells(r + cac * 4, pac);
        uint64_t size = cells(r + (cac + pac) * 4, csc);
        if (*addr >= child && *addr - child < size) {
            *addr = parent + (*addr - child);
            return true;
        }
    }
    return false;
}

/* The node's reg entries (at most max) as CPU physical addresses: how
 * many, 0 when one is not reachable from the CPU. */
static unsigned reg_entries(const struct dt_scan *s, unsigned depth, uint64_t *base,
                            uint64_t *size, unsigned max)
{
    const struct node *nd = &s->n[depth];
    unsigned ac = s->n[depth - 1].ac, sc = s->n[depth - 1].sc, n = 0;
    if (!nd->reg || ac < 1 || ac > FDT_MAX_CELLS || sc > FDT_MAX_CELLS)
        return 0;
    uint32_t entry = (ac + sc) * 4;
    for (uint32_t o = 0; o + entry <= nd->reg_len && n < max; o += entry) {
        uint64_t a = cells(nd->reg + o, ac);
        for (unsigned d = depth - 1; d >= 2; d--)
            if (!translate(s, d, &a))
                return 0;
        base[n] = a;
        size[n++] = cells(nd->reg + o + ac * 4, sc);
    }
    return n;
}

static void take_gic(struct dt_scan *s, unsigned depth, enum gic_version version)
{
    const struct node *nd = &s->n[depth];
    if (s->ngic == MAX_GICS)
        return;
    struct found *g = &s->gic[s->ngic];
    *g = (struct found){.version = version, .phandle = nd->phandle, .icells = nd->icells,
                        .rd_regions = nd->rd_regions};
    g->nreg = reg_entries(s, depth, g->base, g->size, MAX_REG);
    if (version == GIC_V3 && s->its_depth == depth + 1)
        g->its = s->its;
    if (g->nreg >= 2)
        s->ngic++;
}

/* An ITS (with msi-controller: it translates MSIs) belongs to the GIC
 * node it is a child of, which ends after it. */
static void take_its(struct dt_scan *s, unsigned depth)
{
    const struct node *nd = &s->n[depth];
    uint64_t base, size;
    if (s->its_depth || !nd->msi_controller ||
        !has_compat(nd->compat, nd->compat_len, "arm,gic-v3-its") ||
        reg_entries(s, depth, &base, &size, 1) != 1 || size < 0x20000)
        return;
    s->its = base;
    s->its_depth = depth;
}

static boot_error on_end(void *ctx, unsigned depth)
{
    struct dt_scan *s = ctx;
    const struct node *nd = &s->n[depth];
    enum gic_version v = depth >= 2 && nd->intc ? gic_kind(nd) : 0;
    if (depth >= 3)
        take_its(s, depth);
    if (v)
        take_gic(s, depth, v);
    if (s->its_depth == depth + 1)
        s->its_depth = 0;               /* its parent ended: taken or not a GICv3 */
    if (!s->timer_irqs && nd->irqs && (has_compat(nd->compat, nd->compat_len, "arm,armv8-timer") ||
                                       has_compat(nd->compat, nd->compat_len, "arm,armv7-timer"))) {
        s->timer_irqs = nd->irqs;
        s->timer_irqs_len = nd->irqs_len;
    }
    return 0;
}

/* The EL2 physical timer's INTID: the fourth interrupt of /timer, a PPI. */
static unsigned timer_ppi(const struct dt_scan *s, uint32_t icells)
{
    uint32_t entry = icells * 4;
    if (icells < 2 || icells > 4 || s->timer_irqs_len < 4 * entry)
        return 0;
    const uint8_t *e = s->timer_irqs + 3 * entry;
    return be32(e) == 1 && be32(e + 4) < 16 ? GIC_PPI(be32(e + 4)) : 0;
}

bool dt_blob(const struct bootinfo *bi, struct blob *b)
{
    const uint8_t *h = bi->fdt_addr ? arch_phys_map(bi->fdt_addr, bi->fdt_size) : 0;
    if (!h)
        return false;
    uint32_t total = be32(h + 4), st_off = be32(h + 8), str_off = be32(h + 12);
    uint32_t version = be32(h + 20), str_size = be32(h + 32), st_size = be32(h + 36);
    if (version < 17)
        st_size = (str_off > st_off ? str_off : total) - st_off;
    *b = (struct blob){h, total, h + st_off, st_size, (const char *)h + str_off, str_size};
    return true;
}

bool gic_from_dt(const struct bootinfo *bi, struct gic_config *c)
{
    static const struct visitor v = {on_node, on_prop, on_end};
    static struct dt_scan s;            /* too big for the boot stack's comfort */
    struct blob b;
    memset(&s, 0, sizeof s);
    if (!dt_blob(bi, &b) || fdt_walk(&b, &v, &s) || !s.ngic)
        return false;
    const struct found *g = &s.gic[0];
    for (unsigned i = 0; i < s.ngic; i++)
        if (s.root_parent && s.gic[i].phandle == s.root_parent)
            g = &s.gic[i];
    *c = (struct gic_config){.source = "DTB"};
    c->g.version = g->version;
    c->g.gicd = g->base[0];
    c->gicd_size = g->size[0];
    if (g->version == GIC_V2) {
        c->g.gicc = g->base[1];
        c->g.gich = g->nreg > 2 ? g->base[2] : 0;
    } else {
        /* GICD, the redistributor regions, then the optional v2 GICC/GICH. */
        c->g.gicr = g->base[1];
        c->gicr_size = g->size[1];
        unsigned cc = 1 + (g->rd_regions ? g->rd_regions : 1);
        c->g.gicc = cc < g->nreg ? g->base[cc] : 0;
        c->g.gich = cc + 1 < g->nreg ? g->base[cc + 1] : 0;
        c->g.its = g->its;
    }
    c->timer_ppi = s.timer_irqs ? timer_ppi(&s, g->icells) : 0;
    return true;
}
