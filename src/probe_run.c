/* Runs the probes the linker gathered in .probes and reports each. */
#include "probe.h"
#include "arch.h"
#include "board.h"
#include "format.h"
#include "sections.h"

/* Regular images: probes only on request (test images override this). */
__attribute__((weak)) const bool probes_at_boot = false;

static void set_detail(struct probe_ctx *ctx, enum case_result r, const char *fmt, va_list ap)
{
    if (ctx->result != CASE_PASS)
        return;
    ctx->result = r;
    vsnformat(ctx->detail, sizeof ctx->detail, fmt, ap);
}

void probe_fail(struct probe_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_detail(ctx, CASE_FAIL, fmt, ap);
    va_end(ap);
}

void probe_skip(struct probe_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_detail(ctx, CASE_SKIP, fmt, ap);
    va_end(ap);
}

bool probe_expect_eq(struct probe_ctx *ctx, const char *what, uint64_t got, uint64_t expected)
{
    if (got == expected)
        return true;
    probe_fail(ctx, "%s: expected=0x%lx got=0x%lx", what, (unsigned long)expected, (unsigned long)got);
    return false;
}

void probes_run_all(const struct bootinfo *boot)
{
    proto_begin("kernel", board_name);
    proto_plan((unsigned)(__probes_end - __probes_start));
    for (const struct probe *p = __probes_start; p < __probes_end; p++) {
        struct probe_ctx ctx = {.boot = boot, .result = CASE_PASS};
        p->run(&ctx);
        proto_case(p->name, ctx.result, ctx.detail);
    }
    bool ok = proto_end();
    arch_console_flush();
    arch_exit(ok);
}
