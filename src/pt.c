/* Portals: entry IP, PID and MTD, bound to a local EC. */
#include "pt.h"
#include "arch_ec.h"
#include "ec.h"
#include "pd.h"
#include "slab.h"

static SLAB_CACHE(pt_cache, struct pt);

static void destroy(struct kobj *o)
{
    struct pt *pt = (struct pt *)o;
    kobj_put(&pt->ec->hdr);
    slab_free(&pt_cache, &o->owner->quota, pt);
}

struct pt *pt_create(struct pd *owner, struct ec *ec, uint64_t ip)
{
    struct pt *pt = slab_alloc(&pt_cache, &owner->quota);
    if (!pt)
        return 0;
    pt->hdr = (struct kobj){.type = KOBJ_PT, .owner = owner, .destroy = destroy,
                            .flags = arch_user_ip_ok(ip) ? 0 : PT_IP_BAD};
    pt->ec = ec;
    pt->ip = ip;
    kobj_get(&ec->hdr);
    return pt;
}
