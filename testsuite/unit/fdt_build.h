/* A tiny DTB writer for test_fdt.c, so tests can say exactly which bytes
 * go wrong (header-only: it is part of that one test program). */
#pragma once
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

struct fdtb {
    uint8_t st[4096];
    uint32_t st_len;
    char str[1024];
    uint32_t str_len;
    uint64_t rsv[4][2];
    unsigned nrsv;
};

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void tok(struct fdtb *b, uint32_t t)
{
    put32(b->st + b->st_len, t);
    b->st_len += 4;
}

static void raw(struct fdtb *b, const void *p, uint32_t n)
{
    memcpy(b->st + b->st_len, p, n);
    b->st_len += n;
    while (b->st_len % 4)
        b->st[b->st_len++] = 0;
}

static void begin(struct fdtb *b, const char *name)
{
    tok(b, 1);
    raw(b, name, (uint32_t)strlen(name) + 1);
}

static void end(struct fdtb *b)
{
    tok(b, 2);
}

static void prop(struct fdtb *b, const char *name, const void *val, uint32_t len)
{
    tok(b, 3);
    tok(b, len);
    tok(b, b->str_len);
    strcpy(b->str + b->str_len, name);
    b->str_len += (uint32_t)strlen(name) + 1;
    raw(b, val, len);
}

static void prop_str(struct fdtb *b, const char *name, const char *s)
{
    prop(b, name, s, (uint32_t)strlen(s) + 1);
}

/* A property of n 32-bit cells. */
static void prop_cells(struct fdtb *b, const char *name, unsigned n, ...)
{
    uint8_t v[64];
    va_list ap;
    va_start(ap, n);
    for (unsigned i = 0; i < n; i++)
        put32(v + 4 * i, va_arg(ap, uint32_t));
    va_end(ap);
    prop(b, name, v, 4 * n);
}

/* Header, reservations, structure block (+ FDT_END), strings. */
static uint32_t finish(struct fdtb *b, uint8_t *out, bool add_end)
{
    if (add_end)
        tok(b, 9);
    uint32_t rsv = 40, st = rsv + 16 * (b->nrsv + 1), str = st + b->st_len;
    uint32_t total = str + b->str_len;
    memset(out, 0, total);
    put32(out, 0xd00dfeed);
    put32(out + 4, total);
    put32(out + 8, st);
    put32(out + 12, str);
    put32(out + 16, rsv);
    put32(out + 20, 17);
    put32(out + 24, 16);
    put32(out + 32, b->str_len);
    put32(out + 36, b->st_len);
    for (unsigned i = 0; i < b->nrsv; i++)
        for (int k = 0; k < 2; k++) {
            put32(out + rsv + 16 * i + 8 * k, (uint32_t)(b->rsv[i][k] >> 32));
            put32(out + rsv + 16 * i + 8 * k + 4, (uint32_t)b->rsv[i][k]);
        }
    memcpy(out + st, b->st, b->st_len);
    memcpy(out + str, b->str, b->str_len);
    return total;
}
