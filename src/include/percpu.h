/* Per-CPU kernel state of the portable code. ECs and SCs are bound to a
 * CPU for good (interface §1.3), so each CPU has its own ready queues,
 * running EC and SC, and timeouts. */
#pragma once
#include <stdint.h>
#include "sc.h"

#define CPUS_MAX 16

struct ec;

struct percpu {
    struct ec *ec_running;
    struct sc *current;                       /* SC being charged */
    struct sc *queue[SC_PRIORITIES];          /* circular FIFO per priority */
    uint64_t ready_mask[SC_PRIORITIES / 64];
    struct ec *timeouts;                      /* blocked with a deadline */
};

extern struct percpu percpu[CPUS_MAX];

/* This CPU's number (0 = the boot CPU). */
#if __has_include("arch_cpu.h")
#include "arch_cpu.h"           /* inline */
/* The arch's per-CPU block points at this CPU's entry: one load on the
 * hot paths instead of an index multiplication. */
static inline struct percpu *this_cpu(void) { return arch_this_percpu(); }
#else
unsigned arch_cpu_id(void);
static inline struct percpu *this_cpu(void) { return &percpu[arch_cpu_id()]; }
#endif
