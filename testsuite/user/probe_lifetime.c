/* Objects whose last capability goes away while the kernel still uses
 * them (kernel references keep them alive until it is done): a handler
 * whose portal and EC capabilities are revoked while it serves a call. */
#include "util.h"
#include "libnova/delegate.h"

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
