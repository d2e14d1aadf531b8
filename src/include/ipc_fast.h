/* The IPC fast paths: the common call (a waiting callee on this CPU) and
 * the common reply (to a caller blocked in ipc_call), inline in the
 * hypercall entry. Each tests for its case up front and otherwise hands
 * over to ipc_call / ipc_reply (ipc.c), which define the semantics; the
 * fast paths do the same for their case, with the reference counts
 * moved in one step. */
#pragma once
#include "arch_ec.h"
#include "cap.h"
#include "ec.h"
#include "ipc.h"
#include "pd.h"
#include "pt.h"
#include "space.h"

/* Message words, ascending (interface §3.1); mtd & 0x1FF is words - 1. */
static inline __attribute__((always_inline)) void ipc_copy_words(void *dst, const void *src,
                                                                 uint32_t mtd)
{
    uint64_t *d = dst;
    const uint64_t *s = src;
    d[0] = s[0];
    for (uint32_t i = 1; i <= (mtd & 0x1FF); i++)
        d[i] = s[i];
}

/* ipc_call's enter_portal for a callee waiting on this CPU with nothing
 * pending. The link holds caller and callee and running moves from the
 * caller to the callee: the caller's two references cancel out. */
/* Whether o is a portal whose IP user mode can run: type and flags
 * (PT_IP_BAD) in one 16-bit compare. */
static inline __attribute__((always_inline)) bool ipc_pt_enterable(const struct kobj *o)
{
    _Static_assert(__builtin_offsetof(struct kobj, flags) == __builtin_offsetof(struct kobj, type) + 1,
                   "type and flags adjacent");
    uint16_t type_flags;
    __builtin_memcpy(&type_flags, &o->type, sizeof type_flags);
    return type_flags == (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? KOBJ_PT : KOBJ_PT << 8);
}

/* p0 and p1 are the hypercall's first two parameter registers. */
_Noreturn static inline __attribute__((always_inline)) void ipc_call_fast(struct ec *cur,
                                                                         uint64_t p0,
                                                                         uint64_t p1)
{
    uint64_t pt_sel = p0 >> 8;
    uint32_t mtd = (uint32_t)p1;
    /* A capability with a permission names an object (cap_make). */
    cap_t c = space_obj_lookup(cur->obj, pt_sel);
    struct pt *pt = (struct pt *)cap_obj(c);
    if (__builtin_expect(!(cap_perms(c) & PERM_PT_CALL) || !ipc_pt_enterable(&pt->hdr), 0))
        ipc_call(cur, pt_sel, mtd, p0 & 0x10);
    struct ec *callee = pt->ec;
    if (__builtin_expect(callee->cpu != cur->cpu ||
                         (callee->flags & (EC_DEAD | EC_WAITING | EC_RECALL)) != EC_WAITING, 0))
        ipc_call(cur, pt_sel, mtd, p0 & 0x10);
    ipc_copy_words(callee->utcb, cur->utcb, mtd);
    cur->cont = ec_ret_hypercall;
    callee->caller = cur;
    cur->callee = callee;
    callee->hdr.refs += 2;
    callee->flags &= ~EC_WAITING;
    uregs_set_portal_args(&callee->regs, pt->pid, mtd);
    uregs_set_ip(&callee->regs, pt->ip);
    callee->cont = ec_ret_portal;
    ec_switch_running(cur, callee);
    arch_ret_portal(callee);
}

/* ipc_reply to a caller blocked in ipc_call, with no helpers waiting
 * and nothing pending. The link's reference on cur goes, and running's
 * moves to the caller (replacing its link reference): cur is freed here
 * when nothing else holds it (revoked while serving). */
_Noreturn static inline __attribute__((always_inline)) void ipc_reply_fast(struct ec *cur,
                                                                          uint32_t mtd)
{
    struct ec *caller = cur->caller;
    if (__builtin_expect(!caller || cur->helpers ||
                         (caller->flags & (EC_EVENT_CALLER | EC_RECALL)) ||
                         caller->cont != ec_ret_hypercall, 0))
        ipc_reply(cur, mtd);
    cur->flags |= EC_WAITING;
    cur->caller = 0;
    caller->callee = 0;
    ipc_copy_words(caller->utcb, cur->utcb, mtd);
    *uregs_param(&caller->regs, 0) = SUCCESS;
    *uregs_param(&caller->regs, 1) = mtd;
    ec_switch_running(cur, caller);
    kobj_put_n(&cur->hdr, 2);
    arch_ret_hypercall(caller);
}
