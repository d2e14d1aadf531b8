/* Exceptions of the root EC itself, resumed by the root monitor (spec
 * 5.9, 5.6: the root EC's SEL_EVT is 0). Last in the suite: if the kernel
 * resumes the root wrongly, nothing after this can run. */
#include "util.h"
#include "libnova/monitor.h"
#include "libnova/state.h"
#include "libnova/try.h"

static void root_ud(struct nova_probe_ctx *ctx)
{
    /* The root EC's SEL_EVT is 0: its #UD / unknown-reason exception goes
     * to selector NOVA_EVT_UD (the monitor), which resumes past it. */
    if (!nova_monitor_active())
        FAIL_RETURN(ctx, "needs the root monitor (its setup failed)");
    struct nova_exc e;
    nova_exc_expect(NOVA_EVT_UD, NOVA_UD_LEN);
    nova_raise_ud();
    if (!nova_exc_taken(&e))
        FAIL_RETURN(ctx, "no exception event arrived");
    nova_expect_eq(ctx, "IP in the handler's UTCB", e.ip, (uintptr_t)nova_ud_insn);
}
NOVA_PROBE("event.exception_root", root_ud);

static void poke(void *p)
{
    *(volatile uint64_t *)p = 1;
}

static void root_recover(struct nova_probe_ctx *ctx)
{
    /* An unexpected fault of the root inside nova_try_run: the monitor
     * moves the root's IP and SP to the recovery path. */
    if (!nova_monitor_active())
        FAIL_RETURN(ctx, "needs the root monitor (its setup failed)");
    struct nova_exc e;
    uint64_t hip = (uintptr_t)nova_rt.hip;      /* mapped read-only */
    if (nova_try_run(poke, (void *)(uintptr_t)hip, &e))
        FAIL_RETURN(ctx, "writing the read-only HIP did not fault");
#if defined(__x86_64__)
    nova_expect_eq(ctx, "event", e.event, NOVA_X86_EXC_PF);
#else
    nova_expect_eq(ctx, "event", e.event, NOVA_A64_EC_DABT_LOW);
#endif
    nova_expect_eq(ctx, "fault address", e.addr, hip);
}
NOVA_PROBE("event.exception_root_recover", root_recover);
