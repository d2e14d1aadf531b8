/* The console the DTB names (/chosen stdout-path) is the UART we print to. */
#include "aarch64.h"
#include "probe.h"
#include <string.h>

static void console(struct probe_ctx *ctx)
{
    const struct bootinfo *bi = ctx->boot;
    if (!bi->fdt_addr) {
        probe_skip(ctx, "no DTB was given (board defaults in use)");
        return;
    }
    if (!bi->console_base) {
        probe_skip(ctx, "the DTB names no console (no /chosen stdout-path)");
        return;
    }
    const struct board_uart *u = console_uart();
    enum uart_kind kind = uart_kind_for_compat(bi->console_compat);
    if (kind == UART_NONE)
        probe_fail(ctx, "DTB console \"%s\" has no driver", bi->console_compat);
    else if (kind != u->kind)
        probe_fail(ctx, "DTB console is %s, kernel drives %s", uart_kind_name(kind),
                   uart_kind_name(u->kind));
    probe_expect_eq(ctx, "console base", u->base, bi->console_base);
}
PROBE("fdt.console", console);
