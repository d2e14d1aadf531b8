/* ctrl_ec, ctrl_sc, ctrl_pt, ctrl_sm, ctrl_hw, assign_int, assign_dev
 * (interface §4.12-§4.18). */
#include "arch.h"
#include "hypercall.h"
#include "pt.h"
#include "recall.h"
#include "sc.h"
#include "sched.h"
#include "intr.h"
#include "kernel_lock.h"
#include "sm.h"
#include "sys_util.h"

void sys_ctrl_ec(struct ec *cur)
{
    struct ec *ec = sys_lookup(cur, sys_param(cur, 0) >> 8, KOBJ_EC, PERM_EC_CTRL);
    if (!ec)
        ec_return(cur, BAD_CAP);
    /* The target raises the event before it next leaves the kernel
     * (ec_resume); the caller itself right now, after this call's status.
     * On another CPU it may be in user mode: an IPI brings it into the
     * kernel, and a strong recall waits for that. */
    ec->flags |= EC_RECALL;
    if (ec->cpu != cur->cpu)
        recall_remote(ec, (sys_param(cur, 0) >> 4) & 1);      /* flag S: strong */
    *uregs_param(&cur->regs, 0) = SUCCESS;
    cur->cont = ec_ret_hypercall;
    if (ec == cur)
        ec_resume(cur);
    ec_return(cur, SUCCESS);
}

void sys_ctrl_sc(struct ec *cur)
{
    struct sc *sc = sys_lookup(cur, sys_param(cur, 0) >> 8, KOBJ_SC, PERM_SC_CTRL);
    if (!sc)
        ec_return(cur, BAD_CAP);
    uint64_t t = sc->consumed;
    if (sc == sched_current())
        t += arch_counter() - sc->last_start;
    *uregs_param(&cur->regs, 1) = t;
    ec_return(cur, SUCCESS);
}

static inline __attribute__((always_inline)) enum status ctrl_pt(struct ec *cur, uint64_t sel,
                                                                uint64_t pid, uint64_t mtd)
{
    struct pt *pt = sys_lookup(cur, sel, KOBJ_PT, PERM_PT_CTRL);
    if (!pt)
        return BAD_CAP;
    pt->pid = pid;
    pt->mtd = (uint32_t)mtd;
    return SUCCESS;
}

void sys_ctrl_pt(struct ec *cur)
{
    ec_return(cur, ctrl_pt(cur, sys_param(cur, 0) >> 8, sys_param(cur, 1), sys_param(cur, 2)));
}

ARCH_LIGHT_ENTRY uint64_t syscall_ctrl_pt(uint64_t p0, uint64_t pid, uint64_t mtd)
{
    return ctrl_pt(ec_current(), p0 >> 8, pid, mtd);
}

void sys_ctrl_sm(struct ec *cur)
{
    unsigned flags = (sys_param(cur, 0) >> 4) & 0xF;
    bool down = flags & 1, zero = flags & 2;
    struct sm *sm = sys_lookup(cur, sys_param(cur, 0) >> 8, KOBJ_SM, down ? PERM_SM_DN : PERM_SM_UP);
    if (!sm)
        ec_return(cur, BAD_CAP);
    if (down) {
        if (sm->interrupt) {
            enum status st = intr_before_down(sm, cur);
            if (st != SUCCESS)
                ec_return(cur, st);
        }
        ec_return(cur, sm_down(sm, cur, zero, sys_param(cur, 1)));
    }
    enum status st = sm_up(sm);
    if (st != SUCCESS)
        ec_return(cur, st);
    *uregs_param(&cur->regs, 0) = SUCCESS;
    cur->cont = ec_ret_hypercall;
    sched_dispatch();             /* the woken EC may outrank us */
}

void sys_ctrl_hw(struct ec *cur)
{
    if (cur->pd != root_pd)
        ec_return(cur, BAD_HYP);
    unsigned op = (sys_param(cur, 0) >> 4) & 0xF;
    if ((op >= 1 && op <= 3) || op >= 8)
        ec_return(cur, BAD_PAR);
    if (op == 0)
        ec_return(cur, arch_ctrl_hw_sstate(sys_param(cur, 0) >> 8));
    /* Sleep states need the ACPI sleep registers and QOS needs CAT/MBA:
     * neither is implemented yet. */
    ec_return(cur, BAD_FTR);
}

__attribute__((weak)) enum status arch_ctrl_hw_sstate(uint64_t desc)
{
    (void)desc;
    return BAD_FTR;
}

void sys_assign_int(struct ec *cur)
{
    struct sm *sm = sys_lookup(cur, sys_param(cur, 0) >> 8, KOBJ_SM, PERM_SM_ASSIGN);
    if (!sm || !sm->interrupt)
        ec_return(cur, BAD_CAP);
    uint32_t addr;
    uint16_t data;
    enum status st = intr_assign(sm, sys_param(cur, 1) & 0xFFFF, sys_param(cur, 2) & 0xFFFF,
                                 (sys_param(cur, 0) >> 4) & 0xF, &addr, &data);
    if (st == SUCCESS) {
        *uregs_param(&cur->regs, 1) = addr;
        *uregs_param(&cur->regs, 2) = data;
    }
    ec_return(cur, st);
}

void sys_assign_dev(struct ec *cur)
{
    if (cur->pd != root_pd)
        ec_return(cur, BAD_HYP);
    /* DMA spaces do not exist without an IOMMU driver. */
    ec_return(cur, BAD_CAP);
}
