/* IPC. A call runs the callee on the caller's SC (donation): the caller
 * blocks, linked to the callee, and the scheduler's active EC of that SC
 * follows the link. The reply unlinks and resumes the caller. */
#include "ipc.h"
#include "arch_ec.h"
#include "cap.h"
#include "ec.h"
#include "hypercall.h"
#include "ipc_fast.h"
#include "pd.h"
#include "pt.h"
#include "sched.h"
#include "space.h"
#include "status.h"
#include <string.h>

/* Links a call: each side holds the other until the reply (or a kill)
 * unlinks them, so no EC on a donation chain can be freed. */
static inline void ipc_link(struct ec *caller, struct ec *callee)
{
    callee->caller = caller;
    caller->callee = callee;
    kobj_get(&caller->hdr);
    kobj_get(&callee->hdr);
}

/* Enters handler at the portal: its own SP, PID and MTD in the argument
 * registers (interface §6.4). */
_Noreturn static inline __attribute__((always_inline)) void enter_portal(struct ec *caller, struct ec *handler, const struct pt *pt,
                                   uint32_t mtd)
{
    ipc_link(caller, handler);
    if (!arch_user_ip_ok(pt->ip)) {
        /* An entry point user mode cannot run: the handler is unusable. */
        ec_kill(handler);
        sched_dispatch();
    }
    handler->flags &= ~EC_WAITING;
    uregs_set_portal_args(&handler->regs, pt->pid, mtd);
    uregs_set_ip(&handler->regs, pt->ip);
    handler->cont = ec_ret_portal;
    if (__builtin_expect(handler->flags & EC_RECALL, 0))
        ec_resume(handler);       /* raises the recall first */
    ec_activate(handler);
    arch_ret_portal(handler);
}

/* The callee is busy: wait (on the current SC) until it replies, then
 * run cont again. The whole wait is charged to the waiting SC. */
_Noreturn static void wait_for(struct ec *cur, struct ec *busy, ec_cont_fn *cont)
{
    cur->cont = cont;
    sched_block(cur);
    kobj_get(&cur->hdr);              /* the helper list holds its ECs */
    cur->wait_next = busy->helpers;
    busy->helpers = cur;
    sched_dispatch();
}

_Noreturn static void retry_call(struct ec *ec)
{
    ipc_call(ec, *uregs_param(&ec->regs, 0) >> 8, (uint32_t)*uregs_param(&ec->regs, 1), false);
}

void ipc_call(struct ec *cur, uint64_t pt_sel, uint32_t mtd, bool no_wait)
{
    struct pt *pt = (struct pt *)cap_check(space_obj_lookup(cur->obj, pt_sel), KOBJ_PT,
                                           PERM_PT_CALL);
    if (!pt)
        ec_return(cur, BAD_CAP);
    struct ec *callee = pt->ec;
    if (callee->cpu != cur->cpu)
        ec_return(cur, BAD_CPU);
    if (callee->flags & EC_DEAD)
        ec_return(cur, ABORTED);
    if (!(callee->flags & EC_WAITING)) {
        if (no_wait || callee == cur)
            ec_return(cur, TIMEOUT);
        wait_for(cur, callee, retry_call);
    }
    ipc_copy_words(callee->utcb, cur->utcb, mtd);
    cur->cont = ec_ret_hypercall;
    enter_portal(cur, callee, pt, mtd);
}

/* Wakes the ECs that waited for cur to become free; they retry. */
void ipc_release_helpers(struct ec *cur)
{
    struct ec *h = cur->helpers;
    cur->helpers = 0;
    while (h) {
        struct ec *next = h->wait_next;
        h->wait_next = 0;
        sched_wake(h);
        kobj_put(&h->hdr);
        h = next;
    }
}

void ipc_reply(struct ec *cur, uint32_t mtd)
{
    struct ec *caller = cur->caller;
    cur->flags |= EC_WAITING;
    if (cur->helpers)
        ipc_release_helpers(cur);
    if (!caller) {
        /* Nobody to answer: the EC heading this SC's chain waits for a
         * call that only portals (local ECs) receive, so its SC stops. */
        sched_unready(sched_current());
        sched_dispatch();
    }
    /* Unlink: the caller's reference on us goes now (we run, so running
     * holds us); ours on the caller once it runs. */
    cur->caller = 0;
    caller->callee = 0;
    kobj_put(&cur->hdr);
    if (caller->flags & EC_EVENT_CALLER) {
        caller->flags &= ~EC_EVENT_CALLER;
        if (!arch_utcb_load(caller, cur->utcb, mtd)) {
            ec_kill(caller);
            kobj_put(&caller->hdr);
            sched_dispatch();
        }
        caller->cont = ec_ret_exception;
        ec_activate(caller);
        kobj_put(&caller->hdr);
        ec_resume(caller);
    }
    ipc_copy_words(caller->utcb, cur->utcb, mtd);
    *uregs_param(&caller->regs, 0) = SUCCESS;
    *uregs_param(&caller->regs, 1) = mtd;
    ec_activate(caller);
    kobj_put(&caller->hdr);
    if (__builtin_expect(caller->flags & EC_RECALL, 0) || caller->cont != ec_ret_hypercall)
        ec_resume(caller);
    arch_ret_hypercall(caller);
}

_Noreturn static void retry_event(struct ec *ec)
{
    ipc_event(ec, ec->event_sel);
}

void ipc_event(struct ec *ec, uint64_t ev)
{
    struct pt *pt = (struct pt *)cap_check(space_obj_lookup(ec->obj, ec->evt + ev), KOBJ_PT,
                                           PERM_PT_EVENT);
    if (!pt || pt->ec->cpu != ec->cpu || (pt->ec->flags & EC_DEAD)) {
        ec_kill(ec);
        sched_dispatch();
    }
    struct ec *handler = pt->ec;
    if (!(handler->flags & EC_WAITING)) {
        if (handler == ec) {      /* a handler faulting in itself cannot be served */
            ec_kill(ec);
            sched_dispatch();
        }
        ec->event_sel = ev;
        wait_for(ec, handler, retry_event);
    }
    arch_utcb_save(ec, handler->utcb, pt->mtd);
    ec->flags |= EC_EVENT_CALLER;
    enter_portal(ec, handler, pt, pt->mtd);
}

void ipc_event_startup(struct ec *ec)
{
    ipc_event(ec, sel_hst_arch + EVT_STARTUP);
}
