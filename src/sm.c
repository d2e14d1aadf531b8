/* Counting semaphores with a FIFO of blocked ECs (interface §4.15). */
#include "sm.h"
#include "arch.h"
#include "ec.h"
#include "pd.h"
#include "sched.h"
#include "slab.h"
#include "timeout.h"

static SLAB_CACHE(sm_cache, struct sm);

static void destroy(struct kobj *o)
{
    slab_free(&sm_cache, &o->owner->quota, o);
}

struct sm *sm_create(struct pd *owner, uint64_t counter)
{
    struct sm *sm = slab_alloc(&sm_cache, &owner->quota);
    if (!sm)
        return 0;
    sm->hdr = (struct kobj){.type = KOBJ_SM, .owner = owner, .destroy = destroy};
    sm->counter = counter;
    return sm;
}

void sm_dequeue(struct sm *sm, struct ec *ec)
{
    struct ec **p = &sm->head, *prev = 0;
    for (; *p && *p != ec; prev = *p, p = &(*p)->wait_next)
        ;
    if (!*p)
        return;
    *p = ec->wait_next;
    if (sm->tail == ec)
        sm->tail = prev;
    ec->wait_next = 0;
    ec->waiting_on = 0;
}

/* Makes a blocked EC runnable again with status st. */
static void wake(struct ec *ec, enum status st)
{
    *uregs_param(&ec->regs, 0) = st;
    if (ec->timeout)
        timeout_remove(ec);
    sched_wake(ec);
    kobj_put(&ec->hdr);          /* the queue's reference */
}

enum status sm_up(struct sm *sm)
{
    struct ec *ec = sm->head;
    if (ec) {
        sm_dequeue(sm, ec);
        wake(ec, SUCCESS);
        return SUCCESS;
    }
    if (sm->counter == UINT64_MAX)
        return OVRFLOW;
    sm->counter++;
    return SUCCESS;
}

void sm_timeout(struct ec *ec)
{
    if (ec->waiting_on)
        sm_dequeue(ec->waiting_on, ec);
    wake(ec, TIMEOUT);
}

enum status sm_down(struct sm *sm, struct ec *ec, bool zero, uint64_t deadline)
{
    if (sm->counter) {
        sm->counter = zero ? 0 : sm->counter - 1;
        return SUCCESS;
    }
    if (deadline && deadline <= arch_counter())
        return TIMEOUT;
    kobj_get(&ec->hdr);
    ec->wait_next = 0;
    ec->waiting_on = sm;
    if (sm->tail)
        sm->tail->wait_next = ec;
    else
        sm->head = ec;
    sm->tail = ec;
    sched_block(ec);
    if (deadline)
        timeout_add(ec, deadline);
    ec->cont = ec_ret_hypercall;
    sched_dispatch();
}
