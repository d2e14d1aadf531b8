/* create_pd (spec 4.6): PDs and the spaces attached to them. */
#include "util.h"

static bool has_virt(void)
{
#if defined(__x86_64__)
    return nova_rt.hip->features & (NOVA_HIP_FTR_VMX | NOVA_HIP_FTR_SVM);
#else
    return true;    /* EL2: guest spaces exist wherever NOVA runs */
#endif
}

static bool has_iommu(void)
{
    return nova_rt.hip->features & NOVA_HIP_FTR_IOMMU;
}

static unsigned make(nova_sel *sel, nova_sel pd, unsigned op)
{
    *sel = nova_sel_alloc(0);
    return nova_create_pd(*sel, pd, op);
}

static void success(struct nova_probe_ctx *ctx)
{
    nova_sel pd, s;
    if (!nova_expect_status(ctx, "OP=0 (PD)", make(&pd, nova_rt.pd, NOVA_PD_OP_PD), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "OP=1 (object space)", make(&s, pd, NOVA_PD_OP_OBJ), NOVA_SUCCESS);
    nova_expect_status(ctx, "OP=2 (host space)", make(&s, pd, NOVA_PD_OP_HST), NOVA_SUCCESS);
#if defined(__x86_64__)
    nova_expect_status(ctx, "OP=5 (PIO space)", make(&s, pd, NOVA_PD_OP_PIO), NOVA_SUCCESS);
    nova_expect_status(ctx, "OP=6 (MSR space)", make(&s, pd, NOVA_PD_OP_MSR), NOVA_SUCCESS);
#endif
    if (has_virt())
        nova_expect_status(ctx, "OP=3 (guest space)", make(&s, pd, NOVA_PD_OP_GST), NOVA_SUCCESS);
    if (has_iommu())
        nova_expect_status(ctx, "OP=4 (DMA space)", make(&s, pd, NOVA_PD_OP_DMA), NOVA_SUCCESS);
    /* The new PD's capability works as an owner. */
    nova_expect_status(ctx, "create_sm owned by the new PD",
                       nova_create_sm(nova_sel_alloc(0), pd, 0), NOVA_SUCCESS);
}
NOVA_PROBE("create_pd.success", success);

static void bad_par_op(struct nova_probe_ctx *ctx)
{
    for (unsigned op = NOVA_PD_OP_FIRST_RESERVED; op <= 15; op++) {
        nova_sel s;
        unsigned st = make(&s, nova_rt.pd, op);
        if (st != NOVA_BAD_PAR)
            FAIL_RETURN(ctx, "OP=%u: expected=BAD_PAR got=%s", op, nova_status_name(st));
    }
}
NOVA_PROBE("create_pd.bad_par_op_reserved", bad_par_op);

static void sel_not_null(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    if (!sm)
        return;
    nova_expect_status(ctx, "OP=0 over an SM", nova_create_pd(sm, nova_rt.pd, NOVA_PD_OP_PD),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "OP=1 over an SM", nova_create_pd(sm, nova_rt.pd, NOVA_PD_OP_OBJ),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("create_pd.bad_cap_sel_not_null", sel_not_null);

static void bad_pd(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_pd = cap_copy(ctx, nova_rt.pd, NOVA_PERM_PD_ALL & ~NOVA_PERM_PD_PD);
    if (!sm || !no_pd)
        return;
    nova_sel s;
    nova_expect_status(ctx, "pd = CAP0", make(&s, nova_sel_alloc(0), NOVA_PD_OP_PD), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd = an SM", make(&s, sm, NOVA_PD_OP_PD), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd without PD, OP=0", make(&s, no_pd, NOVA_PD_OP_PD), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd without PD, OP=2", make(&s, no_pd, NOVA_PD_OP_HST), NOVA_BAD_CAP);
    /* The reduced capability still allows what it kept. */
    nova_expect_status(ctx, "create_sm with it", nova_create_sm(nova_sel_alloc(0), no_pd, 0),
                       NOVA_SUCCESS);
}
NOVA_PROBE("create_pd.bad_cap_pd", bad_pd);

static void inherits(struct nova_probe_ctx *ctx)
{
    /* A new PD's capability copies the permissions of the pd used. */
    nova_sel weak = cap_copy(ctx, nova_rt.pd, NOVA_PERM_PD_PD | NOVA_PERM_PD_SM);
    if (!weak)
        return;
    nova_sel pd;
    if (!nova_expect_status(ctx, "OP=0 with PD|SM", make(&pd, weak, NOVA_PD_OP_PD), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "create_sm (SM kept)", nova_create_sm(nova_sel_alloc(0), pd, 0),
                       NOVA_SUCCESS);
    nova_sel obj;     /* a space, not a PD: the child's quota is unknown */
    nova_expect_status(ctx, "create_pd OP=1 (PD kept)", make(&obj, pd, NOVA_PD_OP_OBJ),
                       NOVA_SUCCESS);
    /* EC permission missing: BAD_CAP, before the missing spaces matter. */
    nova_expect_status(ctx, "create_ec (no EC)",
                       nova_create_ec(nova_sel_alloc(0), pd, 0, nova_va_utcb(), nova_rt.cpu,
                                      0, 0), NOVA_BAD_CAP);
}
NOVA_PROBE("create_pd.inherits_permissions", inherits);

static void second_space(struct nova_probe_ctx *ctx)
{
    /* A PD has exactly one object space and one host space. */
    nova_sel pd, s;
    if (!nova_expect_status(ctx, "OP=0", make(&pd, nova_rt.pd, NOVA_PD_OP_PD), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "first object space", make(&s, pd, NOVA_PD_OP_OBJ), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "first host space", make(&s, pd, NOVA_PD_OP_HST), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "second object space", make(&s, pd, NOVA_PD_OP_OBJ), NOVA_ABORTED);
    nova_expect_status(ctx, "second host space", make(&s, pd, NOVA_PD_OP_HST), NOVA_ABORTED);
    nova_expect_status(ctx, "object space for the root PD", make(&s, nova_rt.pd, NOVA_PD_OP_OBJ),
                       NOVA_ABORTED);
}
NOVA_PROBE("create_pd.aborted_second_space", second_space);

static void bad_ftr(struct nova_probe_ctx *ctx)
{
    /* Space types this platform lacks: PIO/MSR on Arm, DMA without an
     * SMMU/IOMMU, guest spaces without hardware virtualization. */
    nova_sel pd, s;
    unsigned checked = 0;
    if (!nova_expect_status(ctx, "OP=0", make(&pd, nova_rt.pd, NOVA_PD_OP_PD), NOVA_SUCCESS))
        return;
#if defined(__aarch64__)
    nova_expect_status(ctx, "OP=5 (PIO) on Arm", make(&s, pd, NOVA_PD_OP_PIO), NOVA_BAD_FTR);
    nova_expect_status(ctx, "OP=6 (MSR) on Arm", make(&s, pd, NOVA_PD_OP_MSR), NOVA_BAD_FTR);
    checked += 2;
#endif
    if (!has_iommu()) {
        nova_expect_status(ctx, "OP=4 (DMA) without IOMMU", make(&s, pd, NOVA_PD_OP_DMA),
                           NOVA_BAD_FTR);
        checked++;
    }
    if (!has_virt()) {
        nova_expect_status(ctx, "OP=3 (guest) without VMX/SVM", make(&s, pd, NOVA_PD_OP_GST),
                           NOVA_BAD_FTR);
        checked++;
    }
    if (!checked)
        nova_skip(ctx, "every space type is supported here");
}
NOVA_PROBE("create_pd.bad_ftr_unsupported_space", bad_ftr);
