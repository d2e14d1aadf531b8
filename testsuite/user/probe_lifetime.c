/* Objects whose last capability goes away while the kernel still uses
 * them (kernel references keep them alive until it is done): a handler
 * whose portal and EC capabilities are revoked while it serves a call. */
#include "util.h"
#include "libnova/child.h"
#include "libnova/delegate.h"
#include "libnova/timing.h"
#include "nova/scd.h"

static nova_sel victim_pt;

/* Revokes the portal it was called through and its own EC capability,
 * then replies with a marker telling whether both revocations worked. */
static uint32_t revoke_self(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    unsigned a = nova_revoke_obj(victim_pt, 1);
    unsigned b = nova_revoke_obj(ec->sel, 1);
    ec->utcb->word[0] = a == NOVA_SUCCESS && b == NOVA_SUCCESS ? 0x600d : 0xbad;
    return 0;
}

static void callee_revoked(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    nova_sel pt;
    if (!nova_expect_status(ctx, "setup", local_portal(&ec, &pt, revoke_self, 0, 0), NOVA_SUCCESS))
        return;
    victim_pt = pt;
    uint32_t mtd = 0;
    nova_rt.utcb->word[0] = 0;
    if (!nova_expect_status(ctx, "call while revoked", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        return;
    if (!nova_expect_eq(ctx, "reply marker", nova_rt.utcb->word[0], 0x600d))
        return;
    /* The portal is gone now; a second call must say so, not crash. */
    nova_expect_status(ctx, "call after revocation", nova_ipc_call(pt, 0, &mtd), NOVA_BAD_CAP);
}
NOVA_PROBE("lifetime.callee_revoked_while_serving", callee_revoked);

static void reclaimed_after_remote_death(struct nova_probe_ctx *ctx)
{
    /* A thread of PD S on another CPU dies there at its STARTUP (S has no
     * portals), and that CPU then idles. Once its EC and SC capabilities
     * are revoked, S's quota must be whole again: an idle CPU may not keep
     * the last EC it ran alive. */
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    struct nova_child s;
    nova_sel base = nova_sel_alloc(QUOTA_SMS_ORDER), ec = nova_sel_alloc(0), sc = nova_sel_alloc(0);
    uint64_t utcb = 0x40000000;
    unsigned other = nova_rt.cpu ? 0 : 1;
    if (!base || !nova_expect_status(ctx, "PD S (setup)", nova_child_create(&s), NOVA_SUCCESS))
        return;
    /* The UTCB's page tables first: S's host space keeps them. */
    if (!nova_expect_status(ctx, "an EC to make the UTCB page tables (setup)",
                            nova_create_ec(ec, s.pd, NOVA_EC_T, utcb, nova_rt.cpu, 0, 0), NOVA_SUCCESS))
        return;
    nova_revoke_obj(ec, 1);
    unsigned before = quota_in_sms(s.pd, base);
    if (!before)
        SKIP_RETURN(ctx, "%u SMs did not exhaust a PD's quota", QUOTA_SMS_MAX);
    if (!nova_expect_status(ctx, "thread on the other CPU",
                            nova_create_ec(ec, s.pd, NOVA_EC_T, utcb, other, 0, 0), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "its SC", nova_create_sc(sc, s.pd, ec, nova_scd(1, 1, 0)), NOVA_SUCCESS))
        return;
    uint64_t until = nova_stc() + nova_stc_ms(100);      /* it runs and dies meanwhile */
    while (nova_stc() < until)
        ;
    nova_revoke_obj(sc, 1);
    nova_revoke_obj(ec, 1);
    unsigned after = quota_in_sms(s.pd, base);
    nova_expect_eq(ctx, "SMs S can own after its thread died on CPU 1 and was revoked", after, before);
}
NOVA_PROBE("lifetime.reclaimed_after_remote_death", reclaimed_after_remote_death);
