/* Helpers shared by the probes: fresh objects, capability copies and
 * checks that read a capability's state through its behaviour. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "libnova/alloc.h"
#include "libnova/ec.h"
#include "libnova/hc.h"
#include "libnova/probe.h"
#include "libnova/rt.h"
#include "nova/abi.h"

/* An STC value that has certainly passed: a down with it never blocks. */
#define STC_PAST 1u

/* A fresh SM of the root PD with counter cnt; 0 (and FAIL) on error. */
nova_sel sm_new(struct nova_probe_ctx *ctx, uint64_t cnt);

/* MSI n's interrupt SM (from the NOVA object space, after the pins) at a
 * fresh root selector with every permission; 0 (and FAIL) on error. */
nova_sel msi_sm(struct nova_probe_ctx *ctx, unsigned n);

/* Copies root slot src to a fresh root slot with pmm; 0 (and FAIL) on error. */
nova_sel cap_copy(struct nova_probe_ctx *ctx, nova_sel src, unsigned pmm);

/* How many downs with a passed timeout succeed before one does not (at
 * most max): the counter of an SM, read destructively. */
unsigned sm_drain(nova_sel sm, unsigned max);

/* Whether a root slot holds CAP0: create_sm there succeeds (the SM is then
 * revoked again). */
bool slot_is_null(nova_sel sel);

/* How many SMs pd can still own: its free quota in SM-sized units,
 * measured to exhaustion with root selectors base.. (2^QUOTA_SMS_ORDER of
 * them); the SMs go away again. 0 if that many did not exhaust it. */
#define QUOTA_SMS_ORDER 14
#define QUOTA_SMS_MAX (1u << QUOTA_SMS_ORDER)
unsigned quota_in_sms(nova_sel pd, nova_sel base);

/* A global thread of the root PD without an SC (its body does nothing). */
unsigned global_ec_new(struct nova_ec **ec);

/* A local EC of the root PD and a portal to it with pid (mtd 0). */
unsigned local_portal(struct nova_ec **ec, nova_sel *pt, nova_portal_fn *fn, void *arg,
                      uint64_t pid);

/* A global thread of the root PD on cpu running fn(arg) on an SC of
 * priority prio, with its own STARTUP portal on that CPU (event portals
 * must be on the EC's CPU, spec 5.9) and, if recall_fn is given, a RECALL
 * portal it serves there; *out (if given) is the thread. */
unsigned thread_on_cpu(unsigned cpu, nova_thread_fn *fn, void *arg, unsigned prio,
                       nova_portal_fn *recall_fn, struct nova_ec **out);

/* FAIL with a detail and leave the (void) probe. */
#define FAIL_RETURN(ctx, ...) \
    do {                      \
        nova_fail(ctx, __VA_ARGS__); \
        return;               \
    } while (0)

/* SKIP with a reason and leave the probe. */
#define SKIP_RETURN(ctx, ...) \
    do {                      \
        nova_skip(ctx, __VA_ARGS__); \
        return;               \
    } while (0)
