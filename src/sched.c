/* Per-CPU ready queues, one FIFO per priority, and a bitmap to find the
 * highest quickly. One CPU until SMP arrives. */
#include "sched.h"
#include "arch.h"
#include "arch_ec.h"
#include "ec.h"
#include "panic.h"
#include "timeout.h"
#include "timer.h"
#include "kobj.h"

static struct sc *queue[SC_PRIORITIES];   /* circular lists */
static uint64_t ready_mask[SC_PRIORITIES / 64];
static struct sc *current;

void sched_init(void) {}

struct sc *sched_current(void) { return current; }

void sched_block(struct ec *ec)
{
    struct sc *sc = current;
    ec->blocked_sc = sc;
    if (sc) {
        kobj_get(&sc->hdr);
        sched_unready(sc);
    }
}

void sched_wake(struct ec *ec)
{
    struct sc *sc = ec->blocked_sc;
    ec->blocked_sc = 0;
    if (sc) {
        sched_ready(sc);
        kobj_put(&sc->hdr);
    }
}

void sched_forget(struct sc *sc)
{
    sched_unready(sc);
    if (current == sc)
        current = 0;
}

void sched_ready(struct sc *sc)
{
    if (sc->ready)
        return;
    sc->ready = true;
    struct sc **q = &queue[sc->prio];
    if (!*q) {
        sc->next = sc->prev = sc;
        *q = sc;
        ready_mask[sc->prio / 64] |= 1ull << (sc->prio % 64);
    } else {
        sc->next = *q;
        sc->prev = (*q)->prev;
        sc->prev->next = sc;
        (*q)->prev = sc;
    }
}

void sched_unready(struct sc *sc)
{
    if (!sc->ready)
        return;
    sc->ready = false;
    struct sc **q = &queue[sc->prio];
    if (sc->next == sc) {
        *q = 0;
        ready_mask[sc->prio / 64] &= ~(1ull << (sc->prio % 64));
    } else {
        sc->prev->next = sc->next;
        sc->next->prev = sc->prev;
        if (*q == sc)
            *q = sc->next;
    }
}

struct ec *sched_active_ec(struct sc *sc)
{
    struct ec *ec = sc->ec;
    while (ec->callee)
        ec = ec->callee;
    return ec;
}

static struct sc *highest(void)
{
    for (int w = SC_PRIORITIES / 64 - 1; w >= 0; w--)
        if (ready_mask[w])
            return queue[w * 64 + 63 - __builtin_clzll(ready_mask[w])];
    return 0;
}

/* Charges the running SC for its time since it was last charged. */
static void charge(uint64_t now)
{
    struct sc *sc = current;
    if (!sc)
        return;
    uint64_t used = now - sc->last_start;
    sc->consumed += used;
    sc->left = used < sc->left ? sc->left - used : 0;
    sc->last_start = now;
}

/* An SC that used up its budget goes behind the others of its priority
 * (round robin) with a fresh budget. */
static void rotate(struct sc *sc)
{
    sc->left = sc->budget;
    if (sc->ready) {                     /* to the tail of its queue */
        sched_unready(sc);
        sched_ready(sc);
    }
}

void sched_dispatch(void)
{
    for (;;) {
        uint64_t now = arch_counter();
        timeout_fire(now);
        charge(now);
        if (current && !current->left)
            rotate(current);
        struct sc *sc = highest();
        if (sc) {
            if (sc != current) {
                current = sc;
                sc->last_start = now;
                if (!sc->left)
                    sc->left = sc->budget;
            }
            uint64_t end = now + sc->left, next = timeout_next();
            arch_timer_arm(end < next ? end : next);
            ec_resume(sched_active_ec(sc));
        }
        current = 0;
        /* Nothing ready: wait for an interrupt (the timer for the next
         * timeout, or a device) and look again. */
        arch_timer_arm(timeout_next());
        arch_idle_wait();
    }
}
