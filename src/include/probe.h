/* In-kernel probes: self-registering test cases run at boot in test images
 * (or when the command line says "probes") and reported per protocol. */
#pragma once
#include <stdbool.h>
#include "bootinfo.h"
#include "protocol.h"

struct probe_ctx {
    const struct bootinfo *boot;
    enum case_result result;
    char detail[160];
};

struct probe {
    const char *name;
    void (*run)(struct probe_ctx *ctx);
};

/* Registers fn as probe "name"; the linker gathers them in .probes. */
#define PROBE(probe_name, fn)                                                 \
    static const struct probe probe_##fn                                      \
        __attribute__((used, section(".probes"), aligned(8))) = {probe_name, fn}

/* The first failure's detail is kept; later calls do not overwrite it. */
__attribute__((format(printf, 2, 3))) void probe_fail(struct probe_ctx *ctx, const char *fmt, ...);
__attribute__((format(printf, 2, 3))) void probe_skip(struct probe_ctx *ctx, const char *fmt, ...);

/* Fails the probe with "what: expected=E got=G" unless got == expected. */
bool probe_expect_eq(struct probe_ctx *ctx, const char *what, uint64_t got, uint64_t expected);

/* Whether this image always runs its probes (test images link a strong
 * definition; regular images only run them when the command line asks). */
extern const bool probes_at_boot;

/* Runs every registered probe, then ends the machine with the verdict. */
_Noreturn void probes_run_all(const struct bootinfo *boot);
