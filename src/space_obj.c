/* Object spaces: a two-level table of capabilities, 512 x 512 selectors.
 * The first level comes with the space; leaves appear on first store and
 * are charged to the PD that holds the space (MEM_CAP when it cannot). */
#include "pd.h"
#include "kmem.h"
#include "slab.h"

static SLAB_CACHE(space_obj_cache, struct space_obj);

static void destroy(struct kobj *o)
{
    struct space_obj *s = (struct space_obj *)o;
    for (unsigned i = 0; i < 512; i++) {
        if (!s->leaf[i])
            continue;
        for (unsigned j = 0; j < 512; j++)
            if (s->leaf[i][j])
                kobj_put(cap_obj(s->leaf[i][j]));
        kmem_free(&s->pd->quota, s->leaf[i], 0);
    }
    kmem_free(&o->owner->quota, s->leaf, 0);
    slab_free(&space_obj_cache, &o->owner->quota, s);
}

struct space_obj *space_obj_create(struct pd *owner)
{
    struct space_obj *s = slab_alloc(&space_obj_cache, &owner->quota);
    if (!s)
        return 0;
    s->leaf = kmem_alloc(&owner->quota, 0);
    if (!s->leaf) {
        slab_free(&space_obj_cache, &owner->quota, s);
        return 0;
    }
    s->hdr = (struct kobj){.type = KOBJ_SPACE_OBJ, .owner = owner, .destroy = destroy};
    s->pd = owner;
    return s;
}

static cap_t *slot(struct space_obj *s, uint64_t sel, bool create)
{
    cap_t **leaf = &s->leaf[sel >> 9];
    if (!*leaf && create)
        *leaf = kmem_alloc(&s->pd->quota, 0);
    return *leaf ? &(*leaf)[sel & 511] : 0;
}

enum status space_obj_store(struct space_obj *s, uint64_t sel, cap_t c)
{
    if (sel >= SEL_NUM)
        return BAD_PAR;
    cap_t *p = slot(s, sel, c != CAP0);
    if (!p)
        return c == CAP0 ? SUCCESS : MEM_CAP;
    cap_t old = *p;
    if (c)
        kobj_get(cap_obj(c));
    *p = c;
    if (old)
        kobj_put(cap_obj(old));
    return SUCCESS;
}

enum status space_obj_insert(struct space_obj *s, uint64_t sel, cap_t c)
{
    if (sel >= SEL_NUM || space_obj_lookup(s, sel) != CAP0)
        return BAD_CAP;
    return space_obj_store(s, sel, c);
}

enum status space_obj_delegate(struct space_obj *src, struct space_obj *dst, uint64_t ssb,
                                uint64_t dsb, uint64_t n, unsigned pmm)
{
    if (ssb + n > SEL_NUM || dsb + n > SEL_NUM)
        return BAD_PAR;
    for (uint64_t i = 0; i < n; i++) {
        cap_t c = space_obj_lookup(src, ssb + i);
        enum status st = space_obj_store(dst, dsb + i, cap_make(cap_obj(c), cap_perms(c) & pmm));
        if (st != SUCCESS)
            return st;
    }
    return SUCCESS;
}
