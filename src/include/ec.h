/* Execution contexts (interface §1.3): a thread or vCPU of a PD, with
 * its user registers, UTCB and IPC links. The kernel keeps no stack per
 * EC: an EC that leaves the kernel does so through its continuation. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kobj.h"
#include "status.h"
#include "ec_arch_state.h"
#include "uregs.h"

struct pd;
struct sc;
struct pt;
struct sm;
struct space_obj;

enum ec_kind { EC_LOCAL, EC_GLOBAL, EC_VCPU };

/* A continuation: how an EC leaves the kernel the next time; it never
 * returns (GCC cannot carry noreturn in a pointer type). */
struct ec;
typedef void ec_cont_fn(struct ec *ec);

enum ec_flags {
    EC_FPU = 1u << 0,
    EC_DEAD = 1u << 1,            /* killed: calls to it are ABORTED */
    EC_WAITING = 1u << 2,         /* in ipc_reply, ready for the next call */
    EC_EVENT_CALLER = 1u << 3,    /* stopped by an event: the reply is architectural */
    EC_RECALL = 1u << 4,          /* ctrl_ec pending */
};

struct ec {
    struct kobj hdr;
    /* User state, saved on every kernel entry. Its end must be 16-byte
     * aligned: x86 aligns the stack it switches to before pushing. */
    uregs_t regs __attribute__((aligned(16)));
    ec_cont_fn *cont;             /* how it next leaves the kernel */
    struct pd *pd;
    struct space_obj *obj;        /* pd's object space (never replaced), for lookups */
    uint8_t *utcb;                /* kernel address of the UTCB frame */
    uint64_t utcb_va;
    uint64_t evt;                 /* SEL_EVT */
    unsigned cpu;
    enum ec_kind kind;
    unsigned flags;
    struct ec *caller;            /* whom we serve: the reply goes there */
    struct ec *callee;            /* whom we called and wait for */
    struct sc *sc;                /* bound SC (global threads, vCPUs) */
    struct sc *blocked_sc;        /* the SC that ran us when we blocked */
    struct ec *wait_next;         /* FIFO of a semaphore or a busy callee */
    struct sm *waiting_on;
    uint64_t timeout;             /* STC deadline of a blocked down, 0 none */
    struct ec *timeout_next;
    uint64_t event_sel;           /* event being delivered, for a retry */
    uint64_t fault_addr;          /* page-fault address of the last event */
    struct ec_arch_state arch;    /* architecture-only state (x86: FPU) */
    struct ec *helpers;           /* T=0 callers waiting for us to become free */
};

struct ec *ec_create(struct pd *owner, struct pd *pd, enum ec_kind kind, unsigned flags,
                     unsigned cpu, uint64_t utcb_va, uint64_t sp, uint64_t evt,
                     enum status *err);

/* Leaves the kernel for ec: switches to it and runs its continuation. */
_Noreturn void ec_resume(struct ec *ec);
/* Continuations */
_Noreturn void ec_ret_hypercall(struct ec *ec);   /* status already in regs */
_Noreturn void ec_ret_exception(struct ec *ec);
_Noreturn void ec_ret_portal(struct ec *ec);     /* a handler at its portal */
#include "arch_ec.h"
#include "arch_ret.h"
#ifndef arch_ret_portal                /* an architecture without a lean one */
#define arch_ret_portal arch_ret_hypercall
#endif

/* Sets the hypercall status and returns to the caller. */
static inline __attribute__((always_inline, noreturn)) void ec_return(struct ec *ec, unsigned status)
{
    *uregs_param(&ec->regs, 0) = status;
    arch_ret_hypercall(ec);
}

/* Kills ec (it never runs again) and wakes what waits for it. */
void ec_kill(struct ec *ec);

/* The EC running on this CPU (NULL while it idles). */
#include "percpu.h"
static inline struct ec *ec_current(void) { return this_cpu()->ec_running; }

/* The IPC fast paths' switch from the running prev to next: they move
 * the running reference (see ec_activate) themselves, together with
 * the call link's. */
static inline __attribute__((always_inline)) void ec_switch_running(struct ec *prev, struct ec *next)
{
    arch_ec_switch(prev, next);
    this_cpu()->ec_running = next;
}

/* Makes ec the running EC (the IPC paths' inline switch). Running holds
 * a reference: an EC whose last capability goes away mid-hypercall is
 * freed only once another EC runs. */
static inline __attribute__((always_inline)) void ec_activate(struct ec *ec)
{
    struct percpu *cpu = this_cpu();
    struct ec *prev = cpu->ec_running;
    if (ec != prev) {
        arch_ec_switch(prev, ec);
        cpu->ec_running = ec;
        kobj_get(&ec->hdr);
        if (prev)
            kobj_put(&prev->hdr);
    }
}

/* The CPU idles: it lets go of the EC that ran last, so that one whose
 * last capability is gone (one that died, say) is freed now, not when the
 * CPU next runs something. */
static inline void ec_deactivate(void)
{
    struct percpu *cpu = this_cpu();
    struct ec *prev = cpu->ec_running;
    if (prev) {
        arch_space_leave();
        cpu->ec_running = 0;
        kobj_put(&prev->hdr);
    }
}
