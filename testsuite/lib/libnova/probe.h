/* User-mode probes, mirroring the kernel's (doc/console-protocol.md): each
 * probe is a function registered with NOVA_PROBE("area.what", fn); the
 * linker gathers them in section nova_probes, and nova_probes_run reports
 * each as one CASE line between BEGIN/PLAN and END. A probe runs inside
 * nova_try_run, so an exception ends it as FAIL, not the suite. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

enum nova_case { NOVA_CASE_PASS, NOVA_CASE_FAIL, NOVA_CASE_SKIP };

struct nova_probe_ctx {
    enum nova_case result;
    char detail[200];
};

struct nova_probe {
    const char *name;
    void (*run)(struct nova_probe_ctx *ctx);
};

#define NOVA_PROBE(probe_name, fn)                                             \
    static const struct nova_probe nova_probe_##fn                            \
        __attribute__((used, section("nova_probes"), aligned(8))) = {probe_name, fn}

/* The first FAIL/SKIP detail is kept; later calls do not overwrite it. */
__attribute__((format(printf, 2, 3))) void nova_fail(struct nova_probe_ctx *ctx, const char *fmt, ...);
__attribute__((format(printf, 2, 3))) void nova_skip(struct nova_probe_ctx *ctx, const char *fmt, ...);

/* "what: expected=NAME got=NAME" unless got == want. */
bool nova_expect_status(struct nova_probe_ctx *ctx, const char *what, unsigned got, unsigned want);
/* "what: expected=0x.. got=0x.." unless got == want. */
bool nova_expect_eq(struct nova_probe_ctx *ctx, const char *what, uint64_t got, uint64_t want);

/* BEGIN (suite=name), PLAN, every probe, END. Returns the number failed. */
unsigned nova_probes_run(const char *suite);

/* Restarts the current probe's watchdog clock (call in long loops). */
void nova_probe_heartbeat(void);

/* Ends the suite from any EC of the root PD: the running probe FAILs with
 * why, the rest SKIP, then END and a failing exit. */
_Noreturn void nova_suite_abort(const char *why);

/* Probe progress for the watchdog. */
extern const struct nova_probe *volatile nova_probe_current;
extern volatile uint64_t nova_probe_since;

/* The version string in BEGIN (git describe at build time). */
extern const char libnova_version[];
