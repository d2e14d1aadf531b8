/* A small printf-style formatter; portable (host-tested in the unit suite).
 * Conversions: %% %c %s %d %i %u %x %X %p; flags '-' and '0'; a width;
 * length modifiers l, ll, z. Nothing else (no floating point). */
#pragma once
#include <stdarg.h>
#include <stddef.h>

typedef void nova_sink(void *ctx, char c);

/* Formats into sink; returns the number of characters produced. */
size_t nova_vformat(nova_sink *sink, void *ctx, const char *fmt, va_list ap);

/* Bounded formatting into buf, always NUL-terminated when size > 0; returns
 * the length the whole output would have had. */
__attribute__((format(printf, 3, 4)))
size_t nova_snprintf(char *buf, size_t size, const char *fmt, ...);
size_t nova_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
