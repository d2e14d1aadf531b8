/* The root PD's initial state (spec 5.5, 5.6). */
#include "util.h"
#include "libnova/boot.h"
#include "libnova/delegate.h"

static void boot_args(struct nova_probe_ctx *ctx)
{
    /* Arg 0 is the loader's first boot register: a Multiboot magic (x86
     * boots only by Multiboot), or on aarch64 also an FDT address. */
    uint64_t a0 = nova_rt.arg[0];
    if (a0 == NOVA_BOOT_MB1_MAGIC || a0 == NOVA_BOOT_MB2_MAGIC) {
        if (!nova_rt.arg[1])
            nova_fail(ctx, "Multiboot magic 0x%lx but no information address",
                      (unsigned long)a0);
        return;
    }
#if defined(__aarch64__)
    if (a0 && !(a0 & 7))
        return;     /* legacy launch: the FDT's physical address */
#endif
    nova_fail(ctx, "arg0=0x%lx arg1=0x%lx is no boot state of spec 5.3/5.4",
              (unsigned long)a0, (unsigned long)nova_rt.arg[1]);
}
NOVA_PROBE("root.boot_args", boot_args);

static void utcb(struct nova_probe_ctx *ctx)
{
    /* The root UTCB at 2^H - 8 KiB is the root EC's own read-write page. */
    volatile uint64_t *w = &nova_rt.utcb->word[NOVA_UTCB_WORDS - 1];
    uint64_t keep = *w;
    *w = 0x5a5a1234a5a5fedcull;
    nova_expect_eq(ctx, "UTCB word 511 read back", *w, 0x5a5a1234a5a5fedcull);
    *w = keep;
}
NOVA_PROBE("root.utcb", utcb);

static void selectors_occupied(struct nova_probe_ctx *ctx)
{
    /* SEL_NUM-1..-5 hold capabilities, so creating into them fails. */
    for (unsigned k = 1; k <= NOVA_ROOT_SEL_COUNT; k++) {
        unsigned s = nova_create_sm(nova_rt.sel_num - k, nova_rt.pd, 0);
        if (s != NOVA_BAD_CAP)
            FAIL_RETURN(ctx, "create_sm at SEL_NUM-%u: expected=BAD_CAP got=%s", k,
                             nova_status_name(s));
    }
}
NOVA_PROBE("root.selectors_occupied", selectors_occupied);

static void other_slots_null(struct nova_probe_ctx *ctx)
{
    /* Every other slot of the root object space starts as CAP0 (samples
     * that libnova never touches). */
    const nova_sel samples[] = {nova_rt.sel_num - 6, nova_rt.sel_num - 9,
                                NOVA_SEL_INT_SM_BASE, nova_rt.sel_num / 2 + 3};
    for (unsigned i = 0; i < sizeof samples / sizeof samples[0]; i++)
        if (!slot_is_null(samples[i]))
            FAIL_RETURN(ctx, "slot 0x%lx is not CAP0", (unsigned long)samples[i]);
}
NOVA_PROBE("root.other_slots_null", other_slots_null);

static void well_known_types(struct nova_probe_ctx *ctx)
{
    /* What each well-known capability allows, by using it. */
    nova_sel sm = nova_sel_alloc(0);
    nova_expect_status(ctx, "create_sm with SEL_NUM-3 (root PD)",
                       nova_create_sm(sm, nova_rt.pd, 0), NOVA_SUCCESS);
    uint64_t t;
    nova_expect_status(ctx, "ctrl_sc on SEL_NUM-5 (root SC)", nova_ctrl_sc(nova_rt.sc, &t),
                       NOVA_SUCCESS);
    /* SEL_NUM-2 (root object space) as source and destination. */
    nova_sel copy = nova_sel_alloc(0);
    nova_expect_status(ctx, "ctrl_pd within SEL_NUM-2",
                       nova_ctrl_pd(nova_rt.root_obj, nova_rt.root_obj, sm, 0, copy,
                                    NOVA_PERM_BITS, 0), NOVA_SUCCESS);
    /* SEL_NUM-1 (NOVA object space) has TAKE but no GRANT. */
    nova_expect_status(ctx, "ctrl_pd into SEL_NUM-1",
                       nova_ctrl_pd(nova_rt.root_obj, nova_rt.nova_obj, sm, 0, nova_sel_alloc(0),
                                    NOVA_PERM_BITS, 0), NOVA_BAD_CAP);
    /* SEL_NUM-4 (root EC) is a global thread: no portal can bind to it. */
    nova_expect_status(ctx, "create_pt on SEL_NUM-4",
                       nova_create_pt(nova_sel_alloc(0), nova_rt.pd, nova_rt.ec, 0), NOVA_BAD_CAP);
}
NOVA_PROBE("root.well_known_types", well_known_types);

static void nova_console_sm(struct nova_probe_ctx *ctx)
{
    /* NOVA object space SEL_NUM-1: the console SM with UP and DN. A down
     * with a passed timeout reads it without blocking. */
    nova_sel sm = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "pull SEL_NUM-1", nova_boot_pull(NOVA_SEL_CONSOLE_SM(nova_rt.sel_num), sm),
                            NOVA_SUCCESS))
        return;
    unsigned s = nova_sm_down(sm, STC_PAST);
    if (s != NOVA_SUCCESS && s != NOVA_TIMEOUT)
        nova_fail(ctx, "down on the console SM: got=%s", nova_status_name(s));
}
NOVA_PROBE("root.nova_console_sm", nova_console_sm);

static void nova_arch_spaces(struct nova_probe_ctx *ctx)
{
    /* NOVA object space SEL_NUM-4, -5, -8: PIO/MSR spaces on x86 (used as
     * delegation source/destination), CAP0 on Arm. */
    uint64_t n = nova_rt.sel_num;
    const nova_sel idx[] = {NOVA_SEL_NOVA_PIO(n), NOVA_SEL_NOVA_MSR(n), NOVA_SEL_ROOT_PIO(n)};
    for (unsigned i = 0; i < 3; i++) {
        nova_sel dst = nova_sel_alloc(0);
        if (!nova_expect_status(ctx, "pull", nova_boot_pull(idx[i], dst), NOVA_SUCCESS))
            return;
#if defined(__x86_64__)
        /* A space with TAKE (NOVA) or TAKE|GRANT (root): a PIO/MSR source. */
        unsigned s = nova_ctrl_pd(dst, dst, 0x80, 0, 0x80, NOVA_PERM_BITS, 0);
        if (i < 2 && s != NOVA_BAD_CAP)     /* NOVA spaces lack GRANT */
            nova_fail(ctx, "SEL_NUM-%u as source and destination: expected=BAD_CAP got=%s",
                      (unsigned)(n - idx[i]), nova_status_name(s));
        if (i == 2 && s != NOVA_SUCCESS)
            nova_fail(ctx, "SEL_NUM-8 (root PIO) onto itself: expected=SUCCESS got=%s",
                      nova_status_name(s));
#else
        if (!slot_is_null(dst))
            nova_fail(ctx, "SEL_NUM-%u is not CAP0 on aarch64", (unsigned)(n - idx[i]));
#endif
    }
}
NOVA_PROBE("root.nova_arch_spaces", nova_arch_spaces);

static void nova_idle_scs(struct nova_probe_ctx *ctx)
{
    /* NOVA object space 0..CPU_NUM-1: the idle SCs with CTRL. */
    for (unsigned cpu = 0; cpu < nova_rt.hip->cpu_num; cpu++) {
        nova_sel sc = nova_sel_alloc(0);
        uint64_t t = 0;
        if (!nova_expect_status(ctx, "pull idle SC", nova_boot_pull(NOVA_SEL_IDLE_SC(cpu), sc),
                                NOVA_SUCCESS) ||
            !nova_expect_status(ctx, "ctrl_sc on an idle SC", nova_ctrl_sc(sc, &t), NOVA_SUCCESS))
            return;
    }
}
NOVA_PROBE("root.nova_idle_scs", nova_idle_scs);
