/* Execution contexts: creation, switching and leaving the kernel. */
#include "ec.h"
#include "percpu.h"
#include "arch_ec.h"
#include "hypercall.h"
#include "ipc.h"
#include "kmem.h"
#include "pd.h"
#include "sched.h"
#include "slab.h"
#include "sm.h"
#include "timeout.h"
#include <string.h>

static SLAB_CACHE(ec_cache, struct ec);
struct percpu percpu[CPUS_MAX];

static void destroy(struct kobj *o)
{
    struct ec *ec = (struct ec *)o;
    if (ec->utcb) {
        struct hpt_entry none = {0, 0, 0, false};
        hpt_set(&ec->pd->hst->hpt, &ec->pd->quota, ec->utcb_va, &none);
        kmem_free(&o->owner->quota, ec->utcb, 0);
    }
    arch_ec_destroy(ec);
    kobj_put(&ec->pd->hdr);
    slab_free(&ec_cache, &o->owner->quota, ec);
}

struct ec *ec_create(struct pd *owner, struct pd *pd, enum ec_kind kind, unsigned flags,
                     unsigned cpu, uint64_t utcb_va, uint64_t sp, uint64_t evt,
                     enum status *err)
{
    if (!pd->obj || !pd->hst || (arch_has_pio && kind != EC_VCPU && !pd->pio)) {
        *err = ABORTED;           /* the required spaces are missing */
        return 0;
    }
    /* A UTCB must not replace another kernel page (a UTCB, the HIP):
     * that EC's teardown would later unmap this one. */
    if (kind != EC_VCPU && hpt_get(&pd->hst->hpt, utcb_va).kernel_owned) {
        *err = BAD_PAR;
        return 0;
    }
    struct ec *ec = slab_alloc(&ec_cache, &owner->quota);
    if (!ec) {
        *err = MEM_OBJ;
        return 0;
    }
    ec->hdr = (struct kobj){.type = KOBJ_EC, .owner = owner, .destroy = destroy};
    ec->pd = pd;
    ec->obj = pd->obj;
    ec->kind = kind;
    ec->flags = flags;
    ec->cpu = cpu;
    ec->evt = evt;
    if (kind != EC_VCPU) {
        ec->utcb = kmem_alloc(&owner->quota, 0);
        struct hpt_entry e = {ec->utcb ? kmem_phys(ec->utcb) : 0, MEM_R | MEM_W, 0, true};
        if (!ec->utcb || !hpt_set(&pd->hst->hpt, &pd->quota, utcb_va, &e)) {
            if (ec->utcb)
                kmem_free(&owner->quota, ec->utcb, 0);
            slab_free(&ec_cache, &owner->quota, ec);
            *err = MEM_OBJ;
            return 0;
        }
        ec->utcb_va = utcb_va;
    }
    uregs_init(&ec->regs, 0, sp);
    if (kind == EC_LOCAL)
        ec->flags |= EC_WAITING;  /* runs only when one of its portals is called */
    kobj_get(&pd->hdr);
    *err = SUCCESS;
    return ec;
}

void ec_resume(struct ec *ec)
{
    /* A pending recall is raised when the EC next leaves for user mode
     * (not while it waits to retry a call: that is not a user exit). */
    if (__builtin_expect(ec->flags & EC_RECALL, 0) &&
        (ec->cont == ec_ret_hypercall || ec->cont == ec_ret_exception ||
         ec->cont == ec_ret_portal)) {
        ec->flags &= ~EC_RECALL;
        ipc_event(ec, sel_hst_arch + EVT_RECALL);
    }
    ec_activate(ec);
    ec->cont(ec);
    __builtin_unreachable();
}

void ec_ret_hypercall(struct ec *ec) { arch_ret_hypercall(ec); }
void ec_ret_exception(struct ec *ec) { arch_ret_exception(ec); }
void ec_ret_portal(struct ec *ec) { arch_ret_portal(ec); }

void ec_kill(struct ec *ec)
{
    ec->flags = (ec->flags | EC_DEAD) & ~EC_WAITING;
    if (ec->waiting_on)
        sm_dequeue(ec->waiting_on, ec);
    if (ec->timeout)
        timeout_remove(ec);
    /* Whoever waits for us learns it: a caller gets ABORTED, an EC
     * stopped by an event has no handler left and dies too. */
    struct ec *caller = ec->caller;
    if (caller) {
        ec->caller = 0;
        caller->callee = 0;
        if (caller->flags & EC_EVENT_CALLER) {
            caller->flags &= ~EC_EVENT_CALLER;
            ec_kill(caller);
        } else {
            *uregs_param(&caller->regs, 0) = ABORTED;
            caller->cont = ec_ret_hypercall;
        }
    }
    ipc_release_helpers(ec);
    if (ec->sc && ec->sc->ec == ec)
        sched_unready(ec->sc);
    if (caller) {                 /* the link's references, last */
        kobj_put(&caller->hdr);
        kobj_put(&ec->hdr);
    }
}
