/* ctrl_pd between object spaces (spec 4.11): copies, masks, overwrite and
 * revocation, ranges, and the parameter and capability checks. */
#include "util.h"
#include "libnova/layout.h"

#define OBJ nova_rt.root_obj

static unsigned copy(nova_sel from, unsigned ord, nova_sel to, unsigned pmm)
{
    return nova_ctrl_pd(OBJ, OBJ, from, ord, to, pmm, 0);
}

static void copies(struct nova_probe_ctx *ctx)
{
    /* The copy names the same SM: an up through it shows in the original. */
    nova_sel sm = sm_new(ctx, 0), dst = nova_sel_alloc(0);
    if (!sm || !nova_expect_status(ctx, "ctrl_pd", copy(sm, 0, dst, NOVA_PERM_BITS), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "up through the copy", nova_sm_up(dst), NOVA_SUCCESS);
    nova_expect_eq(ctx, "downs through the original", sm_drain(sm, 4), 1);
}
NOVA_PROBE("ctrl_pd.copy_object_cap", copies);

static void masks(struct nova_probe_ctx *ctx)
{
    /* Permissions = source AND pmm. */
    nova_sel sm = sm_new(ctx, 2), up = nova_sel_alloc(0), dn = nova_sel_alloc(0);
    if (!sm || !nova_expect_status(ctx, "copy UP", copy(sm, 0, up, NOVA_PERM_SM_UP), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "copy DN", copy(sm, 0, dn, NOVA_PERM_SM_DN), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "up via UP copy", nova_sm_up(up), NOVA_SUCCESS);
    nova_expect_status(ctx, "down via UP copy", nova_sm_down(up, STC_PAST), NOVA_BAD_CAP);
    nova_expect_status(ctx, "down via DN copy", nova_sm_down(dn, STC_PAST), NOVA_SUCCESS);
    nova_expect_status(ctx, "up via DN copy", nova_sm_up(dn), NOVA_BAD_CAP);
    /* A copy of the masked copy cannot regain what was masked off. */
    nova_sel again = nova_sel_alloc(0);
    if (nova_expect_status(ctx, "copy of UP copy", copy(up, 0, again, NOVA_PERM_BITS), NOVA_SUCCESS))
        nova_expect_status(ctx, "down via it", nova_sm_down(again, STC_PAST), NOVA_BAD_CAP);
}
NOVA_PROBE("ctrl_pd.pmm_masks", masks);

static void zero_perms(struct nova_probe_ctx *ctx)
{
    /* A result without permissions is CAP0, and overwrites what was there. */
    nova_sel sm = sm_new(ctx, 1), dst = sm_new(ctx, 1);
    if (!sm || !dst)
        return;
    unsigned undefined = NOVA_PERM_BITS & ~NOVA_PERM_SM_ALL & ~NOVA_PERM_SM_ASSIGN;
    if (!nova_expect_status(ctx, "ctrl_pd with no defined bit", copy(sm, 0, dst, undefined),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "up on the result", nova_sm_up(dst), NOVA_BAD_CAP);
    if (!slot_is_null(dst))
        nova_fail(ctx, "the destination is not CAP0");
    nova_expect_status(ctx, "the source is untouched", nova_sm_down(sm, STC_PAST), NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_pd.zero_permissions_is_cap0", zero_perms);

static void overwrite(struct nova_probe_ctx *ctx)
{
    /* Delegating onto an occupied slot replaces (revokes) its capability. */
    nova_sel a = sm_new(ctx, 0), b = sm_new(ctx, 1), dst = nova_sel_alloc(0);
    if (!a || !b || !nova_expect_status(ctx, "copy A", copy(a, 0, dst, NOVA_PERM_BITS), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "copy B over it", copy(b, 0, dst, NOVA_PERM_BITS), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "down on the slot (B has 1)", nova_sm_down(dst, STC_PAST), NOVA_SUCCESS);
    nova_expect_status(ctx, "B's counter used up", nova_sm_down(b, STC_PAST), NOVA_TIMEOUT);
}
NOVA_PROBE("ctrl_pd.overwrite_replaces", overwrite);

static void null_source(struct nova_probe_ctx *ctx)
{
    /* A null source writes CAP0: revocation. */
    nova_sel sm = sm_new(ctx, 0), dst = nova_sel_alloc(0);
    if (!sm || !nova_expect_status(ctx, "copy", copy(sm, 0, dst, NOVA_PERM_BITS), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "delegate CAP0 over it", copy(nova_sel_alloc(0), 0, dst, NOVA_PERM_BITS),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "up on the revoked slot", nova_sm_up(dst), NOVA_BAD_CAP);
    nova_expect_status(ctx, "the original still works", nova_sm_up(sm), NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_pd.null_source_revokes", null_source);

static void ranges(struct nova_probe_ctx *ctx)
{
    /* Order 2 moves four consecutive slots, keeping their order. */
    nova_sel src = nova_sel_alloc(2), dst = nova_sel_alloc(2);
    for (unsigned i = 0; i < 4; i++)
        if (!nova_expect_status(ctx, "create_sm", nova_create_sm(src + i, nova_rt.pd, i), NOVA_SUCCESS))
            return;
    if (!nova_expect_status(ctx, "ctrl_pd order 2", copy(src, 2, dst, NOVA_PERM_BITS), NOVA_SUCCESS))
        return;
    for (unsigned i = 0; i < 4; i++)
        if (sm_drain(dst + i, 8) != i)
            FAIL_RETURN(ctx, "slot %u does not hold the SM with counter %u", i, i);
}
NOVA_PROBE("ctrl_pd.range_order", ranges);

static void misaligned(struct nova_probe_ctx *ctx)
{
    nova_sel src = nova_sel_alloc(3), dst = nova_sel_alloc(3);
    nova_expect_status(ctx, "ssb not a multiple of 2^ord", copy(src + 2, 2, dst, NOVA_PERM_BITS),
                       NOVA_BAD_PAR);
    nova_expect_status(ctx, "dsb not a multiple of 2^ord", copy(src, 2, dst + 1, NOVA_PERM_BITS),
                       NOVA_BAD_PAR);
    nova_expect_status(ctx, "both aligned", copy(src, 2, dst + 4, NOVA_PERM_BITS), NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_pd.bad_par_misaligned", misaligned);

static void past_end(struct nova_probe_ctx *ctx)
{
    /* The range must end at or before the largest selector of its space. */
    nova_sel n = nova_rt.sel_num;
    nova_expect_status(ctx, "dsb = SEL_NUM", copy(nova_sel_alloc(0), 0, n, NOVA_PERM_BITS), NOVA_BAD_PAR);
    nova_expect_status(ctx, "ssb = SEL_NUM", copy(n, 0, nova_sel_alloc(0), NOVA_PERM_BITS), NOVA_BAD_PAR);
    nova_expect_status(ctx, "order beyond the space", copy(0, 31, 0, NOVA_PERM_BITS), NOVA_BAD_PAR);
}
NOVA_PROBE("ctrl_pd.bad_par_range_end", past_end);

static void take_grant(struct nova_probe_ctx *ctx)
{
    /* The source space needs TAKE, the destination GRANT. */
    nova_sel grant_only = cap_copy(ctx, OBJ, NOVA_PERM_SPACE_GRANT);
    nova_sel take_only = cap_copy(ctx, OBJ, NOVA_PERM_SPACE_TAKE);
    nova_sel sm = sm_new(ctx, 0);
    if (!grant_only || !take_only || !sm)
        return;
    nova_expect_status(ctx, "src without TAKE",
                       nova_ctrl_pd(grant_only, OBJ, sm, 0, nova_sel_alloc(0), NOVA_PERM_BITS, 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "dst without GRANT",
                       nova_ctrl_pd(OBJ, take_only, sm, 0, nova_sel_alloc(0), NOVA_PERM_BITS, 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "src TAKE only, dst GRANT only",
                       nova_ctrl_pd(take_only, grant_only, sm, 0, nova_sel_alloc(0), NOVA_PERM_BITS, 0),
                       NOVA_SUCCESS);
}
NOVA_PROBE("ctrl_pd.bad_cap_take_grant", take_grant);

static void not_spaces(struct nova_probe_ctx *ctx)
{
    /* src and dst must be compatible space capabilities (4.11 table). */
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    nova_sel x = nova_sel_alloc(0);
    nova_expect_status(ctx, "src = CAP0", nova_ctrl_pd(nova_sel_alloc(0), OBJ, sm, 0, x, NOVA_PERM_BITS, 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "src = an SM", nova_ctrl_pd(sm, OBJ, sm, 0, x, NOVA_PERM_BITS, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "dst = a PD", nova_ctrl_pd(OBJ, nova_rt.pd, sm, 0, x, NOVA_PERM_BITS, 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "object -> host space",
                       nova_ctrl_pd(OBJ, NOVA_LIB_SEL_ROOT_HST, sm, 0, x, NOVA_PERM_BITS, 0),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "host -> object space",
                       nova_ctrl_pd(NOVA_LIB_SEL_ROOT_HST, OBJ, 0x400, 0, x, NOVA_PERM_BITS, 0),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("ctrl_pd.bad_cap_incompatible", not_spaces);
