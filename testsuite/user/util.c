/* Probe helpers (util.h). */
#include "util.h"
#include "libnova/delegate.h"

nova_sel sm_new(struct nova_probe_ctx *ctx, uint64_t cnt)
{
    nova_sel sel = nova_sel_alloc(0);
    unsigned s = nova_create_sm(sel, nova_rt.pd, cnt);
    if (s) {
        nova_expect_status(ctx, "create_sm (setup)", s, NOVA_SUCCESS);
        return 0;
    }
    return sel;
}

nova_sel cap_copy(struct nova_probe_ctx *ctx, nova_sel src, unsigned pmm)
{
    nova_sel sel = nova_sel_alloc(0);
    unsigned s = nova_ctrl_pd(nova_rt.root_obj, nova_rt.root_obj, src, 0, sel, pmm, 0);
    if (s) {
        nova_expect_status(ctx, "ctrl_pd copy (setup)", s, NOVA_SUCCESS);
        return 0;
    }
    return sel;
}

unsigned sm_drain(nova_sel sm, unsigned max)
{
    unsigned n = 0;
    while (n < max && nova_sm_down(sm, STC_PAST) == NOVA_SUCCESS)
        n++;
    return n;
}

bool slot_is_null(nova_sel sel)
{
    if (nova_create_sm(sel, nova_rt.pd, 0) != NOVA_SUCCESS)
        return false;
    nova_revoke_obj(sel, 1);
    return true;
}

unsigned quota_in_sms(nova_sel pd, nova_sel base)
{
    unsigned n = 0;
    while (n < QUOTA_SMS_MAX && nova_create_sm(base + n, pd, 0) == NOVA_SUCCESS)
        n++;
    nova_revoke_obj(base, n);
    return n < QUOTA_SMS_MAX ? n : 0;
}

static void nothing(struct nova_ec *ec)
{
    (void)ec;
}

unsigned global_ec_new(struct nova_ec **ec)
{
    struct nova_ec_attr a = {.flags = NOVA_EC_T, .cpu = NOVA_EC_CPU_BSP};
    return nova_ec_create(ec, &a, 0, nothing, 0);
}

unsigned local_portal(struct nova_ec **ec, nova_sel *pt, nova_portal_fn *fn, void *arg,
                      uint64_t pid)
{
    unsigned s = nova_ec_local(ec, fn, arg);
    return s ? s : nova_pt_create(pt, *ec, pid, 0);
}
