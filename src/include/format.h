/* printf-style formatting into a sink; portable (host-tested). */
#pragma once
#include <stdarg.h>
#include <stddef.h>

typedef void format_sink(void *ctx, char c);

/* Supports %% %c %s %d %i %u %x %X %p with flags '-' '0', a width, and the
 * length modifiers l, ll, z. Returns the number of characters produced. */
size_t vformat(format_sink *sink, void *ctx, const char *fmt, va_list ap);

/* Bounded formatting into buf (always NUL-terminated when size > 0);
 * returns the length the full output would have had. */
__attribute__((format(printf, 3, 4)))
size_t snformat(char *buf, size_t size, const char *fmt, ...);
size_t vsnformat(char *buf, size_t size, const char *fmt, va_list ap);
