/* EC, portal and thread creation on top of the allocators. */
#include "libnova/ec.h"
#include "libnova/alloc.h"
#include "libnova/hc.h"
#include "libnova/rt.h"
#include "libnova/string.h"
#include "nova/scd.h"

unsigned nova_ec_create(struct nova_ec **out, const struct nova_ec_attr *a,
                        nova_portal_fn *portal, nova_thread_fn *thread, void *arg)
{
    nova_sel sel = nova_sel_alloc(0);
    uint64_t utcb = a->utcb ? a->utcb : nova_va_utcb();
    uintptr_t top = nova_stack_alloc();
    if (!sel || !utcb || !top)
        return NOVA_MEM_OBJ;    /* libnova's own pools ran out */
    struct nova_ec *ec = (struct nova_ec *)((top - sizeof *ec) & ~(uintptr_t)15);
    memset(ec, 0, sizeof *ec);
    ec->portal = portal;
    ec->thread = thread;
    ec->arg = arg;
    ec->utcb = (struct nova_utcb *)utcb;
    ec->sel = sel;
    ec->pd = a->pd ? a->pd : nova_rt.pd;
    ec->evt = a->evt;
    ec->cpu = a->cpu == NOVA_EC_CPU_BSP ? nova_rt.cpu : a->cpu;
    unsigned s = nova_create_ec(sel, ec->pd, a->flags, utcb, ec->cpu, (uintptr_t)ec, ec->evt);
    if (s == NOVA_SUCCESS)
        *out = ec;
    return s;
}

unsigned nova_ec_local(struct nova_ec **out, nova_portal_fn *fn, void *arg)
{
    struct nova_ec_attr a = {.cpu = NOVA_EC_CPU_BSP};
    return nova_ec_create(out, &a, fn, 0, arg);
}

unsigned nova_pt_create(nova_sel *pt, const struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    nova_sel sel = nova_sel_alloc(0);
    if (!sel)
        return NOVA_MEM_CAP;
    unsigned s = nova_create_pt(sel, ec->pd, ec->sel, (uintptr_t)nova_portal_entry);
    if (s == NOVA_SUCCESS && (pid || mtd))
        s = nova_ctrl_pt(sel, pid, mtd);
    if (s == NOVA_SUCCESS)
        *pt = sel;
    return s;
}

unsigned nova_thread_start(struct nova_ec **out, nova_thread_fn *fn, void *arg, unsigned prio)
{
    struct nova_ec_attr a = {.flags = NOVA_EC_T, .cpu = NOVA_EC_CPU_BSP};
    struct nova_ec *ec;
    unsigned s = nova_ec_create(&ec, &a, 0, fn, arg);
    if (s)
        return s;
    nova_sel sc = nova_sel_alloc(0);
    if (!sc)
        return NOVA_MEM_CAP;
    ec->sc = sc;
    *out = ec;
    return nova_create_sc(sc, ec->pd, ec->sel, nova_scd(10, prio, 0));
}

/* Called by the entry code. */
uint64_t nova_portal_dispatch(uint64_t pid, uint64_t mtd, struct nova_ec *ec);
void nova_thread_main(struct nova_ec *ec);

uint64_t nova_portal_dispatch(uint64_t pid, uint64_t mtd, struct nova_ec *ec)
{
    ec->calls++;
    return ec->portal(ec, pid, (uint32_t)mtd);
}

void nova_thread_main(struct nova_ec *ec)
{
    ec->thread(ec);
    ec->done = 1;
}
