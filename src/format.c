/* A small printf engine: enough for the console and the probes. */
#include "format.h"
#include <stdbool.h>
#include <stdint.h>

struct spec {
    bool left, zero;
    unsigned width;
    int length;          /* 0 int, 1 long, 2 long long, 3 size_t */
};

static size_t emit_padded(format_sink *sink, void *ctx, const char *s, size_t len,
                          const struct spec *sp, char pad_char)
{
    size_t pad = sp->width > len ? sp->width - len : 0, out = 0;
    if (!sp->left)
        for (; pad; pad--, out++)
            sink(ctx, pad_char);
    for (size_t i = 0; i < len; i++, out++)
        sink(ctx, s[i]);
    for (; pad; pad--, out++)
        sink(ctx, ' ');
    return out;
}

static size_t emit_number(format_sink *sink, void *ctx, uint64_t v, bool negative,
                          unsigned base, bool upper, const struct spec *sp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    size_t len = sizeof buf - i, out = 0;
    if (negative) {
        if (sp->zero) {   /* sign goes before the zero padding */
            sink(ctx, '-');
            struct spec rest = *sp;
            rest.width = sp->width ? sp->width - 1 : 0;
            return 1 + emit_padded(sink, ctx, buf + i, len, &rest, '0');
        }
        buf[--i] = '-';
        len++;
    }
    out += emit_padded(sink, ctx, buf + i, len, sp, sp->zero && !sp->left ? '0' : ' ');
    return out;
}

static uint64_t take_unsigned(va_list *ap, int length)
{
    switch (length) {
    case 1: return va_arg(*ap, unsigned long);
    case 2: return va_arg(*ap, unsigned long long);
    case 3: return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned int);
    }
}

static int64_t take_signed(va_list *ap, int length)
{
    switch (length) {
    case 1: return va_arg(*ap, long);
    case 2: return va_arg(*ap, long long);
    case 3: return (int64_t)va_arg(*ap, size_t);
    default: return va_arg(*ap, int);
    }
}

size_t vformat(format_sink *sink, void *ctx, const char *fmt, va_list ap_in)
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
        struct spec sp = {0};
        for (p++; *p == '-' || *p == '0'; p++)
            *(*p == '-' ? &sp.left : &sp.zero) = true;
        for (; *p >= '0' && *p <= '9'; p++)
            sp.width = sp.width * 10 + (unsigned)(*p - '0');
        if (*p == 'z') {
            sp.length = 3;
            p++;
        } else
            for (; *p == 'l'; p++)
                sp.length = sp.length < 2 ? sp.length + 1 : 2;
        switch (*p) {
        case '%': sink(ctx, '%'); out++; break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            out += emit_padded(sink, ctx, &c, 1, &sp, ' ');
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            size_t len = 0;
            while (s[len])
                len++;
            out += emit_padded(sink, ctx, s, len, &sp, ' ');
            break;
        }
        case 'd': case 'i': {
            int64_t v = take_signed(&ap, sp.length);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            out += emit_number(sink, ctx, mag, v < 0, 10, false, &sp);
            break;
        }
        case 'u': out += emit_number(sink, ctx, take_unsigned(&ap, sp.length), false, 10, false, &sp); break;
        case 'x': out += emit_number(sink, ctx, take_unsigned(&ap, sp.length), false, 16, false, &sp); break;
        case 'X': out += emit_number(sink, ctx, take_unsigned(&ap, sp.length), false, 16, true, &sp); break;
        case 'p': {
            uintptr_t v = (uintptr_t)va_arg(ap, void *);
            sink(ctx, '0');
            sink(ctx, 'x');
            out += 2 + emit_number(sink, ctx, v, false, 16, false, &sp);
            break;
        }
        case '\0':
            p--;   /* a lone '%' at the end: stop at the terminator */
            break;
        default:   /* unknown conversion: print it verbatim */
            sink(ctx, '%');
            sink(ctx, *p);
            out += 2;
            break;
        }
    }
    va_end(ap);
    return out;
}

struct bounded {
    char *buf;
    size_t size, pos;
};

static void bounded_sink(void *ctx, char c)
{
    struct bounded *b = ctx;
    if (b->pos + 1 < b->size)
        b->buf[b->pos] = c;
    b->pos++;
}

size_t vsnformat(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct bounded b = {buf, size, 0};
    size_t n = vformat(bounded_sink, &b, fmt, ap);
    if (size)
        buf[b.pos < size ? b.pos : size - 1] = '\0';
    return n;
}

size_t snformat(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = vsnformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
