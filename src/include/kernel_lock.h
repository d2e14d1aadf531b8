/* The kernel lock: kernel code runs on one CPU at a time (a ticket lock,
 * so CPUs take turns). Taken on every kernel entry, released on every
 * exit to user mode and while a CPU idles. An architecture that runs one
 * CPU leaves it disabled and never takes it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

static inline void cpu_relax(void)
{
#if defined(__x86_64__)
    __asm__ volatile("pause");
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

struct kernel_lock {
    volatile uint32_t next, serving;
};

extern struct kernel_lock big_lock;
extern bool kernel_lock_enabled;

static inline __attribute__((always_inline)) void kernel_lock(void)
{
    if (!kernel_lock_enabled)
        return;
    uint32_t ticket = __atomic_fetch_add(&big_lock.next, 1, __ATOMIC_RELAXED);
    while (__atomic_load_n(&big_lock.serving, __ATOMIC_ACQUIRE) != ticket)
        cpu_relax();
}

static inline __attribute__((always_inline)) void kernel_unlock(void)
{
    if (kernel_lock_enabled)
        __atomic_store_n(&big_lock.serving, big_lock.serving + 1, __ATOMIC_RELEASE);
}

/* Another CPU has new work: make it reschedule (the arch's IPI). */
void arch_ipi_reschedule(unsigned cpu);
