/* create_pd, create_ec, create_sc, create_pt, create_sm (interface
 * §4.6-§4.10), with the check order of the reference where it is given. */
#include "arch_ec.h"
#include "hpt.h"
#include "hypercall.h"
#include "pt.h"
#include "sc.h"
#include "sched.h"
#include "sm.h"
#include "ipc.h"
#include "sys_util.h"

unsigned cpu_count = 1;

void sys_publish(struct ec *cur, uint64_t sel, struct kobj *o, unsigned perms)
{
    kobj_get(o);                  /* held while it is being stored */
    enum status st = space_obj_insert(cur->pd->obj, sel, cap_make(o, perms));
    kobj_put(o);                  /* on failure this destroys it again */
    ec_return(cur, st);
}

enum { OP_PD, OP_OBJ, OP_HST, OP_GST, OP_DMA, OP_PIO, OP_MSR };

void sys_create_pd(struct ec *cur)
{
    unsigned op = (sys_param(cur, 0) >> 4) & 0xF;
    uint64_t sel = sys_param(cur, 0) >> 8;
    if (op > OP_MSR)
        ec_return(cur, BAD_PAR);
    struct pd *pd = sys_lookup(cur, sys_param(cur, 1), KOBJ_PD, PERM_PD_PD);
    if (!pd || !sys_sel_free(cur, sel))
        ec_return(cur, BAD_CAP);
    struct kobj *o = 0;
    unsigned perms = PERMS_OBJ_HST;
    switch (op) {
    case OP_PD:
        perms = cap_perms(space_obj_lookup(cur->pd->obj, sys_param(cur, 1)));
        o = (struct kobj *)pd_create(pd, PD_QUOTA_DEFAULT);
        break;
    case OP_OBJ: o = (struct kobj *)space_obj_create(pd); break;
    case OP_HST: o = (struct kobj *)space_hst_create(pd, false); break;
    case OP_GST: case OP_DMA:
        ec_return(cur, BAD_FTR);  /* no virtualization or IOMMU support yet */
    case OP_PIO:
        if (!arch_has_pio)
            ec_return(cur, BAD_FTR);
        perms = PERMS_PIO_MSR;
        o = (struct kobj *)space_pio_create(pd, false);
        break;
    case OP_MSR:
        if (!arch_has_pio)
            ec_return(cur, BAD_FTR);
        perms = PERMS_PIO_MSR;
        o = (struct kobj *)space_msr_create(pd, false);
        break;
    }
    if (!o)
        ec_return(cur, MEM_OBJ);
    if (op != OP_PD) {
        enum status st = pd_attach(pd, o);
        if (st != SUCCESS) {
            kobj_get(o);
            kobj_put(o);          /* never published: destroy it */
            ec_return(cur, st);
        }
    }
    sys_publish(cur, sel, o, perms);
}

void sys_create_ec(struct ec *cur)
{
    unsigned flags = (sys_param(cur, 0) >> 4) & 0xF;
    uint64_t sel = sys_param(cur, 0) >> 8, hvp = sys_param(cur, 2) & ~0xFFFull;
    unsigned cpu = sys_param(cur, 2) & 0xFFF;
    if (hvp >= HPT_USER_END)
        ec_return(cur, BAD_PAR);
    if (cpu >= cpu_count)
        ec_return(cur, BAD_CPU);
    struct pd *pd = sys_lookup(cur, sys_param(cur, 1), KOBJ_PD, PERM_PD_EC);
    if (!pd || !sys_sel_free(cur, sel))
        ec_return(cur, BAD_CAP);
    if (flags & 1)
        ec_return(cur, BAD_FTR);  /* vCPUs need VMX/SVM support (not yet) */
    enum status st;
    struct ec *ec = ec_create(pd, pd, flags & 2 ? EC_GLOBAL : EC_LOCAL, flags & 4 ? EC_FPU : 0,
                              cpu, hvp, sys_param(cur, 3), sys_param(cur, 4), &st);
    if (!ec)
        ec_return(cur, st);
    sys_publish(cur, sel, &ec->hdr, PERMS_EC);
}

/* A global thread's first instruction: the STARTUP event. */
_Noreturn static void ec_startup(struct ec *ec)
{
    ipc_event_startup(ec);
}

void sys_create_sc(struct ec *cur)
{
    uint64_t sel = sys_param(cur, 0) >> 8, scd = sys_param(cur, 3);
    unsigned budget = scd & 0xFFFF, prio = (scd >> 16) & 0x7F, cos = (scd >> 23) & 0xFFFF;
    if (!budget || !prio || cos)
        ec_return(cur, BAD_PAR);
    struct pd *pd = sys_lookup(cur, sys_param(cur, 1), KOBJ_PD, PERM_PD_SC);
    struct ec *ec = sys_lookup(cur, sys_param(cur, 2), KOBJ_EC, PERM_EC_BIND_SC);
    if (!pd || !ec || ec->kind == EC_LOCAL || !sys_sel_free(cur, sel))
        ec_return(cur, BAD_CAP);
    if (ec->sc || (ec->flags & EC_DEAD))
        ec_return(cur, ABORTED);
    struct sc *sc = sc_create(pd, ec, ec->cpu, prio, budget);
    if (!sc)
        ec_return(cur, MEM_OBJ);
    kobj_get(&sc->hdr);
    enum status st = space_obj_insert(cur->pd->obj, sel, cap_make(&sc->hdr, PERMS_SC));
    if (st != SUCCESS) {
        ec->sc = 0;
        kobj_put(&sc->hdr);
        ec_return(cur, st);
    }
    kobj_put(&sc->hdr);
    ec->cont = ec_startup;
    sched_ready(sc);
    *uregs_param(&cur->regs, 0) = SUCCESS;
    cur->cont = ec_ret_hypercall;
    sched_dispatch();             /* the new SC may outrank the caller */
}

void sys_create_pt(struct ec *cur)
{
    uint64_t sel = sys_param(cur, 0) >> 8;
    struct pd *pd = sys_lookup(cur, sys_param(cur, 1), KOBJ_PD, PERM_PD_PT);
    struct ec *ec = sys_lookup(cur, sys_param(cur, 2), KOBJ_EC, PERM_EC_BIND_PT);
    if (!pd || !ec || ec->kind != EC_LOCAL || !sys_sel_free(cur, sel))
        ec_return(cur, BAD_CAP);
    struct pt *pt = pt_create(pd, ec, sys_param(cur, 3));
    if (!pt)
        ec_return(cur, MEM_OBJ);
    sys_publish(cur, sel, &pt->hdr, PERMS_PT);
}

void sys_create_sm(struct ec *cur)
{
    uint64_t sel = sys_param(cur, 0) >> 8;
    struct pd *pd = sys_lookup(cur, sys_param(cur, 1), KOBJ_PD, PERM_PD_SM);
    if (!pd || !sys_sel_free(cur, sel))
        ec_return(cur, BAD_CAP);
    struct sm *sm = sm_create(pd, sys_param(cur, 2));
    if (!sm)
        ec_return(cur, MEM_OBJ);
    sys_publish(cur, sel, &sm->hdr, PERMS_SM);
}
