/* printf engine: one pass over the format, numbers built backwards in a
 * small buffer, padding applied around them. */
#include "libnova/fmt.h"
#include <stdbool.h>
#include <stdint.h>

struct conv {
    bool left, zero;
    unsigned width;
    char length;        /* 0, 'l' (long), 'L' (long long), 'z' (size_t) */
};

static size_t pad(nova_sink *sink, void *ctx, char c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sink(ctx, c);
    return n;
}

static size_t put_field(nova_sink *sink, void *ctx, const char *s, size_t len,
                        const struct conv *cv, const char *sign)
{
    size_t slen = sign ? 1 : 0, out = 0;
    size_t fill = cv->width > len + slen ? cv->width - len - slen : 0;
    if (!cv->left && !cv->zero)
        out += pad(sink, ctx, ' ', fill);
    if (sign)
        sink(ctx, *sign), out++;
    if (!cv->left && cv->zero)
        out += pad(sink, ctx, '0', fill);
    for (size_t i = 0; i < len; i++)
        sink(ctx, s[i]);
    out += len;
    if (cv->left)
        out += pad(sink, ctx, ' ', fill);
    return out;
}

static size_t put_number(nova_sink *sink, void *ctx, uint64_t v, bool negative,
                         unsigned base, bool upper, const struct conv *cv)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    return put_field(sink, ctx, buf + i, sizeof buf - i, cv, negative ? "-" : 0);
}

static uint64_t get_unsigned(va_list *ap, char length)
{
    switch (length) {
    case 'l': return va_arg(*ap, unsigned long);
    case 'L': return va_arg(*ap, unsigned long long);
    case 'z': return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned);
    }
}

static int64_t get_signed(va_list *ap, char length)
{
    switch (length) {
    case 'l': return va_arg(*ap, long);
    case 'L': return va_arg(*ap, long long);
    case 'z': return (int64_t)va_arg(*ap, size_t);
    default: return va_arg(*ap, int);
    }
}

size_t nova_vformat(nova_sink *sink, void *ctx, const char *fmt, va_list ap_in)
{
    va_list ap;
    va_copy(ap, ap_in);
    size_t out = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            sink(ctx, *p);
            out++;
            continue;
        }
        struct conv cv = {0};
        for (;; p++) {
            if (p[1] == '-')
                cv.left = true;
            else if (p[1] == '0')
                cv.zero = true;
            else
                break;
        }
        while (p[1] >= '0' && p[1] <= '9')
            cv.width = cv.width * 10 + (unsigned)(*++p - '0');
        if (p[1] == 'l') {
            cv.length = 'l', p++;
            if (p[1] == 'l')
                cv.length = 'L', p++;
        } else if (p[1] == 'z') {
            cv.length = 'z', p++;
        }
        char c = *++p;
        switch (c) {
        case 'd':
        case 'i': {
            int64_t v = get_signed(&ap, cv.length);
            uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
            out += put_number(sink, ctx, mag, v < 0, 10, false, &cv);
            break;
        }
        case 'u':
            out += put_number(sink, ctx, get_unsigned(&ap, cv.length), false, 10, false, &cv);
            break;
        case 'x':
        case 'X':
            out += put_number(sink, ctx, get_unsigned(&ap, cv.length), false, 16, c == 'X', &cv);
            break;
        case 'p': {
            uintptr_t v = (uintptr_t)va_arg(ap, void *);
            sink(ctx, '0'), sink(ctx, 'x');
            out += 2 + put_number(sink, ctx, v, false, 16, false, &cv);
            break;
        }
        case 'c': {
            char ch = (char)va_arg(ap, int);
            out += put_field(sink, ctx, &ch, 1, &cv, 0);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            size_t len = 0;
            while (s[len])
                len++;
            struct conv text = cv;
            text.zero = false;
            out += put_field(sink, ctx, s, len, &text, 0);
            break;
        }
        case '%':
            sink(ctx, '%');
            out++;
            break;
        case '\0':      /* a lone '%' at the end */
            p--;
            break;
        default:        /* unknown: show it as written */
            sink(ctx, '%');
            sink(ctx, c);
            out += 2;
            break;
        }
    }
    va_end(ap);
    return out;
}

struct bounded {
    char *buf;
    size_t size, used;
};

static void bounded_sink(void *ctx, char c)
{
    struct bounded *b = ctx;
    if (b->used + 1 < b->size)
        b->buf[b->used] = c;
    b->used++;
}

size_t nova_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct bounded b = {buf, size, 0};
    size_t n = nova_vformat(bounded_sink, &b, fmt, ap);
    if (size)
        buf[b.used < size ? b.used : size - 1] = '\0';
    return n;
}

size_t nova_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = nova_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
