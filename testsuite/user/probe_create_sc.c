/* create_sc (spec 4.8, SCD 3.9). Targets are global threads of libnova
 * whose body does nothing, so a wrongly accepted SC starts harmlessly. */
#include "util.h"
#include "libnova/timing.h"

static unsigned sc_for(nova_sel pd, nova_sel ec, uint64_t scd)
{
    return nova_create_sc(nova_sel_alloc(0), pd, ec, scd);
}

static bool target(struct nova_probe_ctx *ctx, struct nova_ec **ec)
{
    return nova_expect_status(ctx, "global EC (setup)", global_ec_new(ec), NOVA_SUCCESS);
}

static void starts(struct nova_ec *ec)
{
    nova_sm_up((nova_sel)(uintptr_t)ec->arg);
}

static void success(struct nova_probe_ctx *ctx)
{
    /* The new SC makes its global thread run (STARTUP, then its body). */
    nova_sel sm = sm_new(ctx, 0);
    struct nova_ec *ec;
    if (!sm)
        return;
    struct nova_ec_attr a = {.flags = NOVA_EC_T, .cpu = NOVA_EC_CPU_BSP};
    if (!nova_expect_status(ctx, "global EC", nova_ec_create(&ec, &a, 0, starts, (void *)(uintptr_t)sm),
                            NOVA_SUCCESS))
        return;
    if (!nova_expect_status(ctx, "create_sc", sc_for(nova_rt.pd, ec->sel, nova_scd(10, 10, 0)),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "the thread ran (down)", nova_sm_down(sm, nova_stc() + nova_stc_ms(1000)),
                       NOVA_SUCCESS);
}
NOVA_PROBE("create_sc.success_runs_thread", success);

static void bad_par_scd(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    if (!target(ctx, &ec))
        return;
    nova_expect_status(ctx, "budget 0", sc_for(nova_rt.pd, ec->sel, nova_scd(0, 10, 0)), NOVA_BAD_PAR);
    nova_expect_status(ctx, "priority 0", sc_for(nova_rt.pd, ec->sel, nova_scd(10, 0, 0)),
                       NOVA_BAD_PAR);
}
NOVA_PROBE("create_sc.bad_par_budget_prio", bad_par_scd);

#if defined(__x86_64__)
static bool cos_supported(void)
{
    /* RDT allocation: CPUID.(EAX=7,ECX=0):EBX[15] (spec 4.16). */
    uint32_t a = 7, b, c = 0, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    return b & (1u << 15);
}
#else
static bool cos_supported(void)
{
    return false;   /* COS is unsupported on aarch64 */
}
#endif

static void bad_par_cos(struct nova_probe_ctx *ctx)
{
    /* COS must be 0 where COS is unsupported. */
    if (cos_supported())
        SKIP_RETURN(ctx, "this CPU has COS; COS_NUM is set up by ctrl_hw QOS");
    struct nova_ec *ec;
    if (!target(ctx, &ec))
        return;
    nova_expect_status(ctx, "COS 1", sc_for(nova_rt.pd, ec->sel, nova_scd(10, 10, 1)), NOVA_BAD_PAR);
}
NOVA_PROBE("create_sc.bad_par_cos", bad_par_cos);

static void local_ec(struct nova_probe_ctx *ctx)
{
    /* An SC cannot bind to a local thread. */
    struct nova_ec *ec;
    if (nova_expect_status(ctx, "local EC (setup)", nova_ec_local(&ec, 0, 0), NOVA_SUCCESS))
        nova_expect_status(ctx, "create_sc", sc_for(nova_rt.pd, ec->sel, nova_scd(10, 10, 0)),
                           NOVA_BAD_CAP);
}
NOVA_PROBE("create_sc.bad_cap_local_ec", local_ec);

static void bad_caps(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    if (!target(ctx, &ec))
        return;
    nova_sel sm = sm_new(ctx, 0);
    nova_sel no_bind = cap_copy(ctx, ec->sel, NOVA_PERM_EC_ALL & ~NOVA_PERM_EC_BIND_SC);
    nova_sel no_sc = cap_copy(ctx, nova_rt.pd, NOVA_PERM_PD_ALL & ~NOVA_PERM_PD_SC);
    if (!sm || !no_bind || !no_sc)
        return;
    uint64_t scd = nova_scd(10, 10, 0);
    nova_expect_status(ctx, "ec = CAP0", sc_for(nova_rt.pd, nova_sel_alloc(0), scd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "ec = an SM", sc_for(nova_rt.pd, sm, scd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "ec without BIND_SC", sc_for(nova_rt.pd, no_bind, scd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd = an SM", sc_for(sm, ec->sel, scd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pd without SC", sc_for(no_sc, ec->sel, scd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "sel holds an SM", nova_create_sc(sm, nova_rt.pd, ec->sel, scd),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("create_sc.bad_cap", bad_caps);

static void second_sc(struct nova_probe_ctx *ctx)
{
    /* A global thread has at most one SC (spec 1.3): a second cannot bind. */
    struct nova_ec *ec;
    if (!target(ctx, &ec))
        return;
    uint64_t scd = nova_scd(10, 10, 0);
    if (nova_expect_status(ctx, "first SC", sc_for(nova_rt.pd, ec->sel, scd), NOVA_SUCCESS))
        nova_expect_status(ctx, "second SC", sc_for(nova_rt.pd, ec->sel, scd), NOVA_ABORTED);
}
NOVA_PROBE("create_sc.aborted_second_sc", second_sc);
