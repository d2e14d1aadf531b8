/* Host spaces: the page tables behind a PD's host-virtual addresses.
 * The NOVA host space has no tables: selector N is physical frame N. */
#include "pd.h"
#include "slab.h"

static SLAB_CACHE(space_hst_cache, struct space_hst);

static void destroy(struct kobj *o)
{
    struct space_hst *s = (struct space_hst *)o;
    if (!s->nova)
        hpt_destroy(&s->hpt, &s->pd->quota);
    slab_free(&space_hst_cache, &o->owner->quota, s);
}

struct space_hst *space_hst_create(struct pd *owner, bool nova)
{
    struct space_hst *s = slab_alloc(&space_hst_cache, &owner->quota);
    if (!s)
        return 0;
    s->hdr = (struct kobj){.type = KOBJ_SPACE_HST, .owner = owner, .destroy = destroy};
    s->pd = owner;
    s->nova = nova;
    if (!nova && !hpt_init(&s->hpt, &owner->quota)) {
        slab_free(&space_hst_cache, &owner->quota, s);
        return 0;
    }
    return s;
}
