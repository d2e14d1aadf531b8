/* The system time counter (spec 1.5), read directly from user mode:
 * RDTSC on x86, CNTVCT_EL0 on aarch64. The reads are fenced so that the
 * measured code cannot move across them. */
#pragma once
#include <stdint.h>

#if defined(__x86_64__)
/* LFENCE before: earlier instructions have completed; after: later ones
 * have not started (Intel SDM on RDTSC ordering). */
static inline uint64_t nova_stc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) : : "memory");
    return lo | (uint64_t)hi << 32;
}
#elif defined(__aarch64__)
/* ISB before and after keeps the counter read in program order. */
static inline uint64_t nova_stc(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0; isb" : "=r"(v) : : "memory");
    return v;
}
#endif

/* In a busy wait: the CPU's spin hint. An emulator that runs its CPUs in
 * turn (QEMU's TCG with -icount) takes it as the moment to switch, so the
 * CPU waited for gets to run. */
static inline void nova_relax(void)
{
#if defined(__x86_64__)
    __asm__ volatile("pause" ::: "memory");
#elif defined(__aarch64__)
    __asm__ volatile("yield" ::: "memory");
#endif
}

/* The smallest difference of two back-to-back reads: what a measurement
 * pays for the reads themselves. */
uint64_t nova_stc_overhead(void);

/* A measured span without the timer's own cost (never below 0). */
static inline uint64_t nova_stc_net(uint64_t span, uint64_t overhead)
{
    return span > overhead ? span - overhead : 0;
}

/* STC ticks for ms milliseconds, from the HIP's STC frequency. */
uint64_t nova_stc_ms(uint64_t ms);
