/* libnova's formatter is the kernel's own (src/format.c is portable and
 * host-tested): these are its user-side names. */
#include "libnova/fmt.h"
#include "format.h"

size_t nova_vformat(nova_sink *sink, void *ctx, const char *fmt, va_list ap)
{
    return vformat(sink, ctx, fmt, ap);
}

size_t nova_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    return vsnformat(buf, size, fmt, ap);
}

size_t nova_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = vsnformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
