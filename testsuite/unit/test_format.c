/* The console formatter: conversions, flags, widths, truncation. */
#include "check.h"
#include "format.h"
#include <stdint.h>

static const char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static const char *fmt(const char *f, ...)
{
    static char buf[128];
    va_list ap;
    va_start(ap, f);
    vsnformat(buf, sizeof buf, f, ap);
    va_end(ap);
    return buf;
}

int main(void)
{
    CHECK_STR(fmt("plain"), "plain");
    CHECK_STR(fmt("%d %i %u", -1, 42, 42u), "-1 42 42");
    CHECK_STR(fmt("%x %X", 0xbeefu, 0xbeefu), "beef BEEF");
    CHECK_STR(fmt("%ld", (long)INT64_MIN), "-9223372036854775808");
    CHECK_STR(fmt("%lu", (unsigned long)UINT64_MAX), "18446744073709551615");
    CHECK_STR(fmt("%llx", 0x123456789abcdefull), "123456789abcdef");
    CHECK_STR(fmt("%zu", (size_t)7), "7");
    CHECK_STR(fmt("%5d|%-5d|%05d|%05d", 42, 42, 42, -42), "   42|42   |00042|-0042");
    CHECK_STR(fmt("%016lx", 0xabcul), "0000000000000abc");
    CHECK_STR(fmt("%s|%5s|%-5s|", "ab", "ab", "ab"), "ab|   ab|ab   |");
    const char *volatile none = NULL;   /* hide the NULL from -Wformat */
    CHECK_STR(fmt("%s", none), "(null)");
    CHECK_STR(fmt("%c%c", 'o', 'k'), "ok");
    CHECK_STR(fmt("%p", (void *)0x1000), "0x1000");
    CHECK_STR(fmt("100%%"), "100%");
    CHECK_STR(fmt("%d", 0), "0");

    char small[5];
    CHECK(snformat(small, sizeof small, "%s", "abcdefgh") == 8);
    CHECK_STR(small, "abcd");
    CHECK(snformat(small, 0, "%s", "xyz") == 3);        /* size 0 writes nothing */
    CHECK(snformat(small, 1, "%s", "xyz") == 3);
    CHECK_STR(small, "");
    return CHECK_DONE();
}
