/* Scheduling contexts: bound for good to one EC on its CPU. */
#include "sc.h"
#include "arch.h"
#include "ec.h"
#include "pd.h"
#include "sched.h"
#include "slab.h"

static SLAB_CACHE(sc_cache, struct sc);

static void destroy(struct kobj *o)
{
    struct sc *sc = (struct sc *)o;
    sched_forget(sc);
    if (sc->ec) {                 /* idle SCs have none */
        if (sc->ec->sc == sc)
            sc->ec->sc = 0;
        kobj_put(&sc->ec->hdr);
    }
    slab_free(&sc_cache, &o->owner->quota, sc);
}

struct sc *sc_create(struct pd *owner, struct ec *ec, unsigned cpu, unsigned prio,
                     uint64_t budget_ms)
{
    struct sc *sc = slab_alloc(&sc_cache, &owner->quota);
    if (!sc)
        return 0;
    sc->hdr = (struct kobj){.type = KOBJ_SC, .owner = owner, .destroy = destroy};
    sc->ec = ec;
    sc->cpu = cpu;
    sc->prio = prio;
    sc->budget = budget_ms * arch_counter_hz() / 1000;
    if (!sc->budget)
        sc->budget = 1;
    sc->left = sc->budget;
    if (ec) {
        kobj_get(&ec->hdr);
        ec->sc = sc;
    }
    return sc;
}
