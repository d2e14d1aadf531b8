/* ctrl_pd: delegation between spaces of the same kind (interface §4.11).
 * Each destination slot becomes the source slot masked by pmm; a null or
 * permissionless result is CAP0, which is how revocation works. */
#include "hpt.h"
#include "hypercall.h"
#include "kmem.h"
#include "sys_util.h"

/* Largest selector + 1 of each space kind as a destination. */
#define HST_PAGES (HPT_USER_END >> 12)
#define PHYS_PAGES (1ull << 40)               /* 52-bit physical addresses */

static bool nova_owned(uint64_t pa)
{
    return (pa >= nova_phys_start && pa < nova_phys_end) || arch_phys_protected(pa);
}

static struct hpt_entry source_page(const struct space_hst *src, uint64_t sel, unsigned mad)
{
    if (src->nova) {
        uint64_t pa = sel << 12;
        if (nova_owned(pa))
            return (struct hpt_entry){0, 0, 0, false};
        return (struct hpt_entry){pa, MEM_PERMS, arch_mad_attr(mad), false};
    }
    struct hpt_entry e = hpt_get(&src->hpt, sel << 12);
    if (e.kernel_owned)                        /* UTCBs, the HIP */
        e.perms = 0;
    return e;
}

/* Removes every entry of dst in pages [from, to), skipping empty tables. */
static void clear_range(struct space_hst *dst, uint64_t from, uint64_t to)
{
    static const struct hpt_entry none = {0, 0, 0, false};
    for (uint64_t p = from; (p = hpt_skip(&dst->hpt, p << 12) >> 12) < to; p++)
        hpt_set(&dst->hpt, &dst->pd->quota, p << 12, &none);
}

static enum status delegate_hst(struct space_hst *src, struct space_hst *dst, uint64_t ssb,
                                uint64_t dsb, uint64_t n, unsigned pmm, unsigned mad)
{
    if (ssb + n > (src->nova ? PHYS_PAGES : HST_PAGES) || dsb + n > HST_PAGES || dst->nova)
        return BAD_PAR;
    if (!(pmm & MEM_PERMS)) {                  /* pure revocation */
        clear_range(dst, dsb, dsb + n);
        return SUCCESS;
    }
    for (uint64_t i = 0; i < n;) {
        if (!src->nova) {      /* a source range without tables is all CAP0 */
            uint64_t next = hpt_skip(&src->hpt, (ssb + i) << 12) >> 12;
            if (next > ssb + i) {
                uint64_t stop = next - ssb < n ? next - ssb : n;
                clear_range(dst, dsb + i, dsb + stop);
                i = stop;
                continue;
            }
        }
        struct hpt_entry e = source_page(src, ssb + i, mad);
        e.perms &= pmm;
        if (!hpt_set(&dst->hpt, &dst->pd->quota, (dsb + i) << 12, &e))
            return MEM_CAP;
        i++;
    }
    return SUCCESS;
}

static enum status delegate_pio(struct space_pio *src, struct space_pio *dst, uint64_t base,
                                uint64_t n, unsigned pmm)
{
    if (base + n > PIO_PORTS || dst->nova)
        return BAD_PAR;
    for (uint64_t p = base; p < base + n; p++)
        space_pio_set(dst, (unsigned)p, (pmm & 1) && space_pio_allowed(src, (unsigned)p));
    arch_pio_changed(dst);
    return SUCCESS;
}

static enum status delegate_msr(struct space_msr *src, struct space_msr *dst, uint64_t base,
                                uint64_t n, unsigned pmm)
{
    if (!space_msr_valid(base) || !space_msr_valid(base + n - 1) || dst->nova)
        return BAD_PAR;
    for (uint64_t m = base; m < base + n; m++)
        space_msr_set(dst, m, space_msr_perms(src, m) & pmm);
    return SUCCESS;
}

/* Which MAD encodings are valid (interface §3.10). */
__attribute__((weak)) bool arch_mad_valid(uint32_t mad)
{
    return (mad & 7) <= 4 && !((mad >> 3) & 0x7FFF);     /* x86: CA 0..4, KI 0 */
}

__attribute__((weak)) unsigned arch_mad_attr(uint32_t mad)
{
    return mad & 7;
}

void sys_ctrl_pd(struct ec *cur)
{
    uint64_t ord = sys_param(cur, 2) & 0x1F, n = 1ull << ord;
    uint64_t ssb = sys_param(cur, 2) >> 12, dsb = sys_param(cur, 3) >> 12;
    unsigned pmm = sys_param(cur, 3) & 0x1F;
    uint32_t mad = (uint32_t)sys_param(cur, 4);
    if ((ssb | dsb) & (n - 1))
        ec_return(cur, BAD_PAR);
    cap_t sc = space_obj_lookup(cur->pd->obj, sys_param(cur, 0) >> 8);
    cap_t dc = space_obj_lookup(cur->pd->obj, sys_param(cur, 1));
    struct kobj *s = cap_obj(sc), *d = cap_obj(dc);
    if (!s || !d || !(cap_perms(sc) & PERM_SPACE_TAKE) || !(cap_perms(dc) & PERM_SPACE_GRANT))
        ec_return(cur, BAD_CAP);
    enum status st = BAD_CAP;
    switch (s->type) {
    case KOBJ_SPACE_OBJ:
        if (d->type == KOBJ_SPACE_OBJ)
            st = space_obj_delegate((struct space_obj *)s, (struct space_obj *)d, ssb, dsb, n, pmm);
        break;
    case KOBJ_SPACE_HST:
        if (d->type != KOBJ_SPACE_HST)
            break;            /* guest and DMA spaces do not exist yet */
        if (((struct space_hst *)s)->nova && !arch_mad_valid(mad))
            ec_return(cur, BAD_PAR);
        st = delegate_hst((struct space_hst *)s, (struct space_hst *)d, ssb, dsb, n, pmm, mad);
        break;
    case KOBJ_SPACE_PIO:
        if (d->type == KOBJ_SPACE_PIO)
            st = ssb != dsb ? BAD_PAR : delegate_pio((struct space_pio *)s, (struct space_pio *)d, ssb, n, pmm);
        break;
    case KOBJ_SPACE_MSR:
        if (d->type == KOBJ_SPACE_MSR)
            st = ssb != dsb ? BAD_PAR : delegate_msr((struct space_msr *)s, (struct space_msr *)d, ssb, n, pmm);
        break;
    default:
        break;
    }
    ec_return(cur, st);
}
