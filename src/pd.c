/* Protection domains and attaching spaces to them. */
#include "pd.h"
#include "slab.h"

static SLAB_CACHE(pd_cache, struct pd);

struct pd *nova_pd, *root_pd;

static void destroy(struct kobj *o)
{
    struct pd *pd = (struct pd *)o;
    if (pd->obj)
        kobj_put(&pd->obj->hdr);
    if (pd->hst)
        kobj_put(&pd->hst->hdr);
    if (pd->pio)
        kobj_put(&pd->pio->hdr);
    quota_release(&o->owner->quota, pd->quota.limit);
    slab_free(&pd_cache, &o->owner->quota, pd);
}

struct pd *pd_create(struct pd *owner, uint64_t quota_bytes)
{
    if (!quota_charge(&owner->quota, quota_bytes))
        return 0;
    struct pd *pd = slab_alloc(&pd_cache, &owner->quota);
    if (!pd) {
        quota_release(&owner->quota, quota_bytes);
        return 0;
    }
    pd->hdr = (struct kobj){.type = KOBJ_PD, .owner = owner, .destroy = destroy};
    pd->quota.limit = quota_bytes;
    return pd;
}

enum status pd_attach(struct pd *pd, struct kobj *space)
{
    switch (space->type) {
    case KOBJ_SPACE_OBJ:
        if (pd->obj)
            return ABORTED;
        pd->obj = (struct space_obj *)space;
        break;
    case KOBJ_SPACE_HST:
        if (pd->hst)
            return ABORTED;
        pd->hst = (struct space_hst *)space;
        break;
    case KOBJ_SPACE_PIO:
        /* Only the first PIO space becomes the host PIO space, and it
         * needs the host space in place (interface §4.6 impl. note). */
        if (pd->pio)
            return SUCCESS;
        if (!pd->hst)
            return ABORTED;
        pd->pio = (struct space_pio *)space;
        break;
    default:
        return SUCCESS;       /* guest, DMA and MSR spaces are not bound */
    }
    kobj_get(space);
    return SUCCESS;
}
