/* create_ec (spec 4.7). */
#include "util.h"
#include "libnova/child.h"

static unsigned ec_in(nova_sel pd, unsigned flags, uint64_t utcb, unsigned cpu)
{
    return nova_create_ec(nova_sel_alloc(0), pd, flags, utcb, cpu, 0, 0);
}

static void local_and_global(struct nova_probe_ctx *ctx)
{
    nova_expect_status(ctx, "local thread", ec_in(nova_rt.pd, 0, nova_va_utcb(), nova_rt.cpu),
                       NOVA_SUCCESS);
    nova_expect_status(ctx, "global thread",
                       ec_in(nova_rt.pd, NOVA_EC_T, nova_va_utcb(), nova_rt.cpu), NOVA_SUCCESS);
    nova_expect_status(ctx, "local thread with FPU",
                       ec_in(nova_rt.pd, NOVA_EC_F, nova_va_utcb(), nova_rt.cpu), NOVA_SUCCESS);
}
NOVA_PROBE("create_ec.success", local_and_global);

static void sel_not_null(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    if (sm)
        nova_expect_status(ctx, "sel holds an SM",
                           nova_create_ec(sm, nova_rt.pd, 0, nova_va_utcb(), nova_rt.cpu, 0, 0),
                           NOVA_BAD_CAP);
}
NOVA_PROBE("create_ec.bad_cap_sel_not_null", sel_not_null);

static void bad_pd(struct nova_probe_ctx *ctx)
{
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_ec = cap_copy(ctx, nova_rt.pd, NOVA_PERM_PD_ALL & ~NOVA_PERM_PD_EC);
    if (!sm || !no_ec)
        return;
    nova_expect_status(ctx, "pd = CAP0", ec_in(nova_sel_alloc(0), 0, nova_va_utcb(), nova_rt.cpu),
                       NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd = an SM", ec_in(sm, 0, nova_va_utcb(), nova_rt.cpu), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd without EC", ec_in(no_ec, 0, nova_va_utcb(), nova_rt.cpu),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("create_ec.bad_cap_pd", bad_pd);

static void bad_cpu(struct nova_probe_ctx *ctx)
{
    unsigned n = nova_rt.hip->cpu_num;
    nova_expect_status(ctx, "cpu = CPU_NUM", ec_in(nova_rt.pd, 0, nova_va_utcb(), n), NOVA_BAD_CPU);
    nova_expect_status(ctx, "cpu = 0xFFF", ec_in(nova_rt.pd, 0, nova_va_utcb(), 0xFFF),
                       NOVA_BAD_CPU);
}
NOVA_PROBE("create_ec.bad_cpu", bad_cpu);

static void bad_par_utcb(struct nova_probe_ctx *ctx)
{
    /* hvp << 12 at or beyond 2^H is outside user-accessible memory. */
    nova_expect_status(ctx, "utcb at 2^H", ec_in(nova_rt.pd, 0, nova_rt.top, nova_rt.cpu),
                       NOVA_BAD_PAR);
    nova_expect_status(ctx, "utcb at 2^64-4K", ec_in(nova_rt.pd, 0, ~(uint64_t)0xFFF, nova_rt.cpu),
                       NOVA_BAD_PAR);
}
NOVA_PROBE("create_ec.bad_par_utcb_beyond_h", bad_par_utcb);

static void utcb_over_kernel_page(struct nova_probe_ctx *ctx)
{
    /* Not in the spec (it names only 2^H): this kernel refuses to put a
     * UTCB where the HIP or another UTCB is mapped, since replacing one
     * would break the EC it belongs to. */
    uint64_t hip = (uintptr_t)nova_rt.hip, root_utcb = (uintptr_t)nova_rt.utcb;
    nova_expect_status(ctx, "utcb over the HIP", ec_in(nova_rt.pd, 0, hip, nova_rt.cpu),
                       NOVA_BAD_PAR);
    nova_expect_status(ctx, "utcb over the root's UTCB", ec_in(nova_rt.pd, 0, root_utcb, nova_rt.cpu),
                       NOVA_BAD_PAR);
}
NOVA_PROBE("create_ec.bad_par_utcb_over_kernel_page", utcb_over_kernel_page);

static void missing_spaces(struct nova_probe_ctx *ctx)
{
    /* A host EC needs its PD's object, host and (x86) PIO space. */
    nova_sel pd = nova_sel_alloc(0), s = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "create_pd", nova_create_pd(pd, nova_rt.pd, NOVA_PD_OP_PD),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "no spaces", ec_in(pd, 0, nova_va_utcb(), nova_rt.cpu), NOVA_ABORTED);
    if (!nova_expect_status(ctx, "object space", nova_create_pd(s, pd, NOVA_PD_OP_OBJ), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "object space only", ec_in(pd, 0, nova_va_utcb(), nova_rt.cpu),
                       NOVA_ABORTED);
#if defined(__x86_64__)
    if (!nova_expect_status(ctx, "host space",
                            nova_create_pd(nova_sel_alloc(0), pd, NOVA_PD_OP_HST), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "no PIO space (x86)", ec_in(pd, 0, nova_va_utcb(), nova_rt.cpu),
                       NOVA_ABORTED);
#endif
}
NOVA_PROBE("create_ec.aborted_missing_spaces", missing_spaces);

static void in_child(struct nova_probe_ctx *ctx)
{
    /* With the spaces in place the same call succeeds. */
    struct nova_child c;
    if (nova_expect_status(ctx, "child PD (setup)", nova_child_create(&c), NOVA_SUCCESS))
        nova_expect_status(ctx, "local thread in the child",
                           ec_in(c.pd, 0, nova_va_utcb(), nova_rt.cpu), NOVA_SUCCESS);
}
NOVA_PROBE("create_ec.success_child_pd", in_child);

static void vcpu(struct nova_probe_ctx *ctx)
{
    /* G=1: a vCPU where hardware virtualization exists, BAD_FTR otherwise. */
#if defined(__x86_64__)
    bool virt = nova_rt.hip->features & (NOVA_HIP_FTR_VMX | NOVA_HIP_FTR_SVM);
#else
    bool virt = true;
#endif
    nova_expect_status(ctx, "G=1", ec_in(nova_rt.pd, NOVA_EC_G, nova_va_utcb(), nova_rt.cpu),
                       virt ? NOVA_SUCCESS : NOVA_BAD_FTR);
}
NOVA_PROBE("create_ec.vcpu", vcpu);
