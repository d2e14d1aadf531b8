/* A minimal host test harness: CHECK records failures and goes on, so one
 * run shows every broken expectation; main returns non-zero if any. */
#pragma once
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            check_failures++;                                                 \
        }                                                                     \
    } while (0)

#define CHECK_STR(got, want)                                                  \
    do {                                                                      \
        const char *g_ = (got), *w_ = (want);                                 \
        if (!g_ || !w_ || strcmp(g_, w_)) {                                   \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                  \
            check_failures++;                                                 \
        }                                                                     \
    } while (0)

/* A parser must reject the input, and for the expected reason: the
 * boot_error must contain the substring why. */
#define CHECK_REJECTS(expr, why)                                              \
    do {                                                                      \
        const char *e_ = (expr);                                              \
        if (!e_ || !strstr(e_, why)) {                                        \
            fprintf(stderr, "%s:%d: want rejection \"%s\", got %s%s%s\n", __FILE__, \
                    __LINE__, why, e_ ? "\"" : "", e_ ? e_ : "acceptance", e_ ? "\"" : ""); \
            check_failures++;                                                 \
        }                                                                     \
    } while (0)
#define CHECK_ACCEPTS(expr)                                                   \
    do {                                                                      \
        const char *e_ = (expr);                                              \
        if (e_) {                                                             \
            fprintf(stderr, "%s:%d: rejected: %s\n", __FILE__, __LINE__, e_); \
            check_failures++;                                                 \
        }                                                                     \
    } while (0)

#define CHECK_DONE()                                                          \
    (check_failures ? (fprintf(stderr, "%d check(s) failed\n", check_failures), 1) : 0)
