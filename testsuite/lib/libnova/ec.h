/* Execution contexts made by libnova. Each lives on its own stack with its
 * descriptor at the stack top, where its initial SP points: portal and
 * thread entry code (entry.S) finds the descriptor through SP, since a
 * handler re-enters with the SP of its last ipc_reply (spec 6.4) and the
 * entry code always replies from the top. */
#pragma once
#include <stdint.h>
#include "nova/selectors.h"
#include "nova/utcb.h"

struct nova_ec;

/* A portal handler: PID and MTD as delivered (spec 6.4); returns the MTD
 * of the ipc_reply (regular, or architectural for events). */
typedef uint32_t nova_portal_fn(struct nova_ec *ec, uint64_t pid, uint32_t mtd);
/* A global thread's body; returning ends the thread (it is killed). */
typedef void nova_thread_fn(struct nova_ec *ec);

struct nova_ec {
    nova_portal_fn *portal;
    nova_thread_fn *thread;
    void *arg;
    struct nova_utcb *utcb;     /* regular view; cast for the architectural one */
    nova_sel sel;               /* the EC capability (root object space) */
    nova_sel sc;                /* its SC (threads), else 0 */
    nova_sel pd;                /* owner PD capability used */
    nova_sel evt;               /* SEL_EVT */
    unsigned cpu;
    volatile unsigned calls;    /* portal traversals served */
    volatile unsigned done;     /* a thread's body returned */
};

struct nova_ec_attr {
    nova_sel pd;                /* owner; 0 = the root PD */
    unsigned flags;             /* create_ec flags (NOVA_EC_T for a thread) */
    unsigned cpu;               /* NOVA_EC_CPU_BSP = where the root runs */
    nova_sel evt;               /* SEL_EVT; 0 = the root monitor's portals */
    uint64_t utcb;              /* 0 = a fresh page of the UTCB window */
};
#define NOVA_EC_CPU_BSP 0xFFFFu

/* Creates an EC with a fresh selector, stack and UTCB page; *out is valid
 * only on SUCCESS. */
unsigned nova_ec_create(struct nova_ec **out, const struct nova_ec_attr *a,
                        nova_portal_fn *portal, nova_thread_fn *thread, void *arg);

/* A local thread of the root PD serving portals with fn. */
unsigned nova_ec_local(struct nova_ec **out, nova_portal_fn *fn, void *arg);

/* A portal to ec at a fresh selector, owned by ec's PD, then ctrl_pt with
 * pid/mtd unless both are 0 (the creation defaults). */
unsigned nova_pt_create(nova_sel *pt, const struct nova_ec *ec, uint64_t pid, uint32_t mtd);

/* A global thread of the root PD running fn on an SC of priority prio
 * (budget 10 ms). The root monitor answers its STARTUP. */
unsigned nova_thread_start(struct nova_ec **out, nova_thread_fn *fn, void *arg, unsigned prio);

/* Entry points (entry.S). */
void nova_portal_entry(void);
void nova_thread_entry(void);
extern const char nova_thread_exit_trap[];
