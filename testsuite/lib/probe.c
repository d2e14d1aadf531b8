/* The probe runner and the console-protocol lines it prints. */
#include "libnova/probe.h"
#include <stdarg.h>
#include "libnova/alloc.h"
#include "libnova/board.h"
#include "libnova/console.h"
#include "libnova/delegate.h"
#include "libnova/exit.h"
#include "libnova/fmt.h"
#include "libnova/monitor.h"
#include "libnova/timing.h"
#include "libnova/try.h"
#include "nova/status.h"

#if defined(__x86_64__)
#define ARCH "x86_64"
#else
#define ARCH "aarch64"
#endif

extern const struct nova_probe __start_nova_probes[], __stop_nova_probes[];

const struct nova_probe *volatile nova_probe_current;
volatile uint64_t nova_probe_since;
static unsigned tally[3];
static const char *const word[] = {"PASS", "FAIL", "SKIP"};

static void set_detail(struct nova_probe_ctx *ctx, enum nova_case r, const char *fmt, va_list ap)
{
    if (ctx->result != NOVA_CASE_PASS)
        return;
    ctx->result = r;
    nova_vsnprintf(ctx->detail, sizeof ctx->detail, fmt, ap);
}

void nova_fail(struct nova_probe_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_detail(ctx, NOVA_CASE_FAIL, fmt, ap);
    va_end(ap);
}

void nova_skip(struct nova_probe_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_detail(ctx, NOVA_CASE_SKIP, fmt, ap);
    va_end(ap);
}

bool nova_expect_status(struct nova_probe_ctx *ctx, const char *what, unsigned got, unsigned want)
{
    if (got == want)
        return true;
    nova_fail(ctx, "%s: expected=%s got=%s(0x%x)", what, nova_status_name(want),
              nova_status_name(got), got);
    return false;
}

bool nova_expect_eq(struct nova_probe_ctx *ctx, const char *what, uint64_t got, uint64_t want)
{
    if (got == want)
        return true;
    nova_fail(ctx, "%s: expected=0x%lx got=0x%lx", what, (unsigned long)want, (unsigned long)got);
    return false;
}

void nova_probe_heartbeat(void)
{
    nova_probe_since = nova_stc();
}

static void report(const char *name, enum nova_case r, const char *detail)
{
    tally[r]++;
    nova_printf("@nova CASE %s %s%s%s\n", name, word[r], *detail ? " " : "", detail);
}

static void end(void)
{
    nova_printf("@nova END pass=%u fail=%u skip=%u\n", tally[NOVA_CASE_PASS],
                tally[NOVA_CASE_FAIL], tally[NOVA_CASE_SKIP]);
}

static void run_one(void *arg)
{
    const struct nova_probe *p = nova_probe_current;
    p->run(arg);
}

unsigned nova_probes_run(const char *suite)
{
    nova_printf("@nova BEGIN suite=%s arch=%s board=%s version=%s\n", suite, ARCH,
                nova_board.name, libnova_version);
    nova_printf("@nova PLAN %u\n", (unsigned)(__stop_nova_probes - __start_nova_probes));
    for (const struct nova_probe *p = __start_nova_probes; p < __stop_nova_probes; p++) {
        struct nova_probe_ctx ctx = {.result = NOVA_CASE_PASS};
        struct nova_exc exc;
        nova_sel mark = nova_sel_mark();
        nova_probe_heartbeat();
        nova_probe_current = p;
        if (!nova_try_run(run_one, &ctx, &exc)) {
            ctx.result = NOVA_CASE_PASS;    /* the exception is the news */
            nova_fail(&ctx, "unexpected exception event=0x%x ip=0x%lx addr=0x%lx code=0x%lx",
                      exc.event, (unsigned long)exc.ip, (unsigned long)exc.addr,
                      (unsigned long)exc.code);
        }
        nova_probe_current = 0;
        nova_exc_taken(0);                  /* disarm a left-over expectation */
        report(p->name, ctx.result, ctx.detail);
        /* Clean up by overwriting everything the probe allocated with CAP0. */
        nova_revoke_obj(mark, nova_sel_mark() - mark);
    }
    end();
    return tally[NOVA_CASE_FAIL];
}

void nova_suite_abort(const char *why)
{
    const struct nova_probe *cur = nova_probe_current;
    nova_printf("\n");      /* in case a line was cut short */
    if (cur) {
        report(cur->name, NOVA_CASE_FAIL, why);
        for (const struct nova_probe *p = cur + 1; p < __stop_nova_probes; p++)
            report(p->name, NOVA_CASE_SKIP, "suite aborted");
    } else {
        nova_printf("libnova: suite aborted: %s\n", why);
    }
    end();
    nova_exit(false);
}
