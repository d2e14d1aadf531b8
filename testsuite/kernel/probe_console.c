/* Console round trip through the UART's loopback mode, and the formatter
 * as compiled for this target. */
#include "arch.h"
#include "format.h"
#include "probe.h"
#include <string.h>

static void loopback(struct probe_ctx *ctx)
{
    static const unsigned char pattern[] = {0x5a, 0xa5, 0x00, 0xff, '@'};
    for (unsigned i = 0; i < sizeof pattern; i++) {
        const char *why = "no loopback mode";
        int got = arch_console_loopback(pattern[i], &why);
        if (got == -2) {
            probe_skip(ctx, "%s", why);
            return;
        }
        if (got != pattern[i]) {
            probe_fail(ctx, "byte %u: expected=0x%x got=%d", i, pattern[i], got);
            return;
        }
    }
}
PROBE("console.loopback", loopback);

static void kprintf_format(struct probe_ctx *ctx)
{
    char buf[96];
    snformat(buf, sizeof buf, "%d|%5u|%-3x|%08lx|%s|%c|%%", -42, 7u, 0xau,
             0xdeadbeefUL, "ok", 'z');
    const char *want = "-42|    7|a  |deadbeef|ok|z|%";
    if (strcmp(buf, want))
        probe_fail(ctx, "got \"%s\" want \"%s\"", buf, want);
    size_t n = snformat(buf, 4, "%s", "truncated");
    if (n != 9 || strcmp(buf, "tru"))
        probe_fail(ctx, "truncation: n=%lu buf=\"%s\"", (unsigned long)n, buf);
}
PROBE("format.kprintf", kprintf_format);
