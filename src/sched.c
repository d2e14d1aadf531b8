/* Per-CPU ready queues, one FIFO per priority, and a bitmap to find the
 * highest quickly. One CPU until SMP arrives. */
#include "sched.h"
#include "arch.h"
#include "arch_ec.h"
#include "ec.h"
#include "panic.h"
#include "timeout.h"
#include "timer.h"
#include "percpu.h"
#include "kernel_lock.h"
#include "kobj.h"


struct sc *sched_current(void) { return this_cpu()->current; }

void sched_block(struct ec *ec)
{
    struct sc *sc = this_cpu()->current;
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
    if (percpu[sc->cpu].current == sc)
        percpu[sc->cpu].current = 0;
}

void sched_ready(struct sc *sc)
{
    if (sc->ready)
        return;
    sc->ready = true;
    struct percpu *cpu = &percpu[sc->cpu];
    struct sc **q = &cpu->queue[sc->prio];
    if (!*q) {
        sc->next = sc->prev = sc;
        *q = sc;
        cpu->ready_mask[sc->prio / 64] |= 1ull << (sc->prio % 64);
    } else {
        sc->next = *q;
        sc->prev = (*q)->prev;
        sc->prev->next = sc;
        (*q)->prev = sc;
    }
    if (sc->cpu != arch_cpu_id())
        arch_ipi_reschedule(sc->cpu);   /* it may idle or run something lower */
}

void sched_unready(struct sc *sc)
{
    if (!sc->ready)
        return;
    sc->ready = false;
    struct percpu *cpu = &percpu[sc->cpu];
    struct sc **q = &cpu->queue[sc->prio];
    if (sc->next == sc) {
        *q = 0;
        cpu->ready_mask[sc->prio / 64] &= ~(1ull << (sc->prio % 64));
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

static struct sc *highest(const struct percpu *cpu)
{
    for (int w = SC_PRIORITIES / 64 - 1; w >= 0; w--)
        if (cpu->ready_mask[w])
            return cpu->queue[w * 64 + 63 - __builtin_clzll(cpu->ready_mask[w])];
    return 0;
}

/* Charges the running SC for its time since it was last charged. */
static void charge(struct percpu *cpu, uint64_t now)
{
    struct sc *sc = cpu->current;
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
    struct percpu *cpu = this_cpu();
    for (;;) {
        uint64_t now = arch_counter();
        timeout_fire(cpu, now);
        charge(cpu, now);
        if (cpu->current && !cpu->current->left)
            rotate(cpu->current);
        struct sc *sc = highest(cpu);
        if (sc) {
            if (sc != cpu->current) {
                cpu->current = sc;
                sc->last_start = now;
                if (!sc->left)
                    sc->left = sc->budget;
            }
            uint64_t end = now + sc->left, next = timeout_next(cpu);
            arch_timer_arm(end < next ? end : next);
            ec_resume(sched_active_ec(sc));
        }
        cpu->current = 0;
        ec_deactivate();
        /* Nothing ready: wait for an interrupt (the timer for the next
         * timeout, a device, another CPU) and look again. The kernel lock
         * is free meanwhile, so other CPUs can run kernel code. */
        arch_timer_arm(timeout_next(cpu));
        kernel_unlock();
        arch_idle_wait();
        kernel_lock();
    }
}
