/* Kernel-memory exhaustion (spec 4.3): objects are charged to the owner
 * PD (MEM_OBJ), capabilities to the PD holding the destination space
 * (MEM_CAP). The quota of a new PD is not specified: the loops are bounded
 * and a quota larger than the bound gives SKIP. */
#include "util.h"
#include "libnova/child.h"
#include "libnova/delegate.h"

#define MAX_OBJECTS 2048u

static void mem_obj(struct nova_probe_ctx *ctx)
{
    /* ECs owned by a child PD (each with a UTCB page) until it runs dry. */
    struct nova_child c;
    if (!nova_expect_status(ctx, "child PD (setup)", nova_child_create(&c), NOVA_SUCCESS))
        return;
    nova_sel base = nova_sel_alloc(11);
    for (unsigned i = 0; i < MAX_OBJECTS; i++) {
        uint64_t utcb = nova_va_utcb();
        if (!base || !utcb)
            SKIP_RETURN(ctx, "libnova ran out of selectors or UTCB addresses");
        unsigned s = nova_create_ec(base + i, c.pd, 0, utcb, nova_rt.cpu, 0, 0);
        if (s == NOVA_MEM_OBJ)
            return;     /* PASS: the child's quota ran out after i ECs */
        if (s != NOVA_SUCCESS)
            FAIL_RETURN(ctx, "EC %u: expected=SUCCESS or MEM_OBJ got=%s", i, nova_status_name(s));
        if (!(i % 64))
            nova_probe_heartbeat();
    }
    nova_skip(ctx, "%u ECs did not exhaust the child's quota", MAX_OBJECTS);
}
NOVA_PROBE("quota.mem_obj", mem_obj);

static void mem_cap(struct nova_probe_ctx *ctx)
{
    /* Capabilities stored into a child's object space at scattered
     * selectors (each may need new table memory) until it runs dry. */
    struct nova_child c;
    if (!nova_expect_status(ctx, "child PD (setup)", nova_child_create(&c), NOVA_SUCCESS))
        return;
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    /* First use up the object quota, so that little is left for tables. */
    for (unsigned i = 0; i < MAX_OBJECTS; i++)
        if (nova_create_sm(nova_sel_alloc(0), c.pd, 0) != NOVA_SUCCESS)
            break;
    uint64_t stride = nova_rt.sel_num / 512;
    for (unsigned i = 0; i < 512; i++) {
        unsigned s = nova_ctrl_pd(nova_rt.root_obj, c.obj, sm, 0, i * stride, NOVA_PERM_BITS, 0);
        if (s == NOVA_MEM_CAP)
            return;     /* PASS */
        if (s != NOVA_SUCCESS)
            FAIL_RETURN(ctx, "delegation %u: expected=SUCCESS or MEM_CAP got=%s", i,
                        nova_status_name(s));
    }
    nova_skip(ctx, "512 scattered delegations did not exhaust the child's quota");
}
NOVA_PROBE("quota.mem_cap", mem_cap);
