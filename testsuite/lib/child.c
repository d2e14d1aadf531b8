/* Child PDs for cross-PD probes and quota exhaustion. */
#include "libnova/child.h"
#include "libnova/alloc.h"
#include "libnova/delegate.h"
#include "libnova/hc.h"
#include "libnova/layout.h"
#include "libnova/rt.h"
#include "nova/perm.h"

static unsigned make(nova_sel *out, nova_sel pd, unsigned op)
{
    nova_sel sel = nova_sel_alloc(0);
    if (!sel)
        return NOVA_MEM_CAP;
    unsigned s = nova_create_pd(sel, pd, op);
    if (!s)
        *out = sel;
    return s;
}

unsigned nova_child_create(struct nova_child *c)
{
    *c = (struct nova_child){0};
    unsigned s = make(&c->pd, nova_rt.pd, NOVA_PD_OP_PD);
    if (!s)
        s = make(&c->obj, c->pd, NOVA_PD_OP_OBJ);
    if (!s)
        s = make(&c->hst, c->pd, NOVA_PD_OP_HST);
#if defined(__x86_64__)
    if (!s)
        s = make(&c->pio, c->pd, NOVA_PD_OP_PIO);   /* a host EC's first PIO space */
#endif
    return s;
}

unsigned nova_child_map_image(const struct nova_child *c)
{
    uint64_t first = (uintptr_t)__image_start >> 12;
    uint64_t end = ((uintptr_t)__image_end + 0xFFF) >> 12;
    unsigned mco = nova_rt.hip->mco_hst;
    return nova_delegate_range(NOVA_LIB_SEL_ROOT_HST, c->hst, first, first, end - first,
                               NOVA_PERM_BITS, 0, mco < 16 ? mco : 16);
}

unsigned nova_child_create_with_image(struct nova_child *c)
{
    unsigned s = nova_child_create(c);
    return s ? s : nova_child_map_image(c);
}

unsigned nova_child_portal(const struct nova_child *c, nova_portal_fn *fn, uint64_t pid,
                           struct nova_ec **ec, nova_sel *pt)
{
    struct nova_ec_attr a = {.pd = c->pd, .cpu = NOVA_EC_CPU_BSP};
    unsigned s = nova_ec_create(ec, &a, fn, 0, 0);
    return s ? s : nova_pt_create(pt, *ec, pid, 0);
}
