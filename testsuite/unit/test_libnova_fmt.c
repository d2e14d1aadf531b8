/* libnova's formatter and metric summary (testsuite/lib), on the host. */
#include "check.h"
#include <stdint.h>
#include "libnova/fmt.h"
#include "libnova/metric.h"

static const char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static const char *fmt(const char *f, ...)
{
    static char buf[128];
    va_list ap;
    va_start(ap, f);
    nova_vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return buf;
}

static void conversions(void)
{
    CHECK_STR(fmt("%d %i %u", -42, 7, 3000000000u), "-42 7 3000000000");
    CHECK_STR(fmt("%x %X %lx", 0xbeefu, 0xbeefu, 0x123456789abcdefUL), "beef BEEF 123456789abcdef");
    CHECK_STR(fmt("%llu %zu", 18446744073709551615ull, (size_t)12), "18446744073709551615 12");
    CHECK_STR(fmt("%ld", (long)INT64_MIN), "-9223372036854775808");
    CHECK_STR(fmt("%s|%c|%%", "str", 'z'), "str|z|%");
    const char *volatile none = 0;      /* hidden from the format checker */
    CHECK_STR(fmt("%s", none), "(null)");
    CHECK_STR(fmt("%p", (void *)0x1000), "0x1000");
}

static void widths(void)
{
    CHECK_STR(fmt("[%5d][%-5d][%05d]", 42, 42, 42), "[   42][42   ][00042]");
    CHECK_STR(fmt("[%05d][%5d]", -42, -42), "[-0042][  -42]");
    CHECK_STR(fmt("[%08lx]", 0xabcUL), "[00000abc]");
    CHECK_STR(fmt("[%6s][%-6s]", "ab", "ab"), "[    ab][ab    ]");
    CHECK_STR(fmt("[%1d]", 12345), "[12345]");
}

static void bounds(void)
{
    char buf[8];
    memset(buf, 'x', sizeof buf);
    CHECK(nova_snprintf(buf, 6, "%s", "abcdefghij") == 10);
    CHECK_STR(buf, "abcde");
    CHECK(buf[6] == 'x');
    CHECK(nova_snprintf(buf, 0, "abc") == 3 && buf[0] == 'a');
    CHECK(nova_snprintf(buf, 1, "abc") == 3 && buf[0] == '\0');
}

static void metrics(void)
{
    uint64_t odd[] = {9, 1, 5, 3, 7};
    struct nova_metric m;
    nova_metric_summarize(odd, 5, &m);
    CHECK(m.n == 5 && m.min == 1 && m.max == 9 && m.median == 5 && m.mean == 5);
    CHECK(odd[0] == 1 && odd[4] == 9);
    uint64_t even[] = {10, 2, 8, 4};
    nova_metric_summarize(even, 4, &m);
    CHECK(m.median == 6 && m.mean == 6 && m.min == 2 && m.max == 10);
    uint64_t one[] = {17};
    nova_metric_summarize(one, 1, &m);
    CHECK(m.n == 1 && m.min == 17 && m.median == 17 && m.max == 17);
}

int main(void)
{
    conversions();
    widths();
    bounds();
    metrics();
    return CHECK_DONE();
}
