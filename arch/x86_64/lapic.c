/* Local APIC in xAPIC mode (QEMU 7.2's TCG has no x2APIC). The timer runs
 * in TSC-deadline mode when the CPU has it (the deadline is an absolute
 * TSC value, i.e. the STC); otherwise in one-shot mode, with the LAPIC
 * timer's rate measured against the TSC at boot. */
#include "lapic.h"
#include "arch.h"
#include "layout.h"
#include "panic.h"
#include "timer.h"
#include "tsc.h"

enum {
    MSR_APIC_BASE = 0x1B, MSR_TSC_DEADLINE = 0x6E0,
    REG_ID = 0x20, REG_EOI = 0xB0, REG_SVR = 0xF0, REG_ICR_LOW = 0x300, REG_ICR_HIGH = 0x310,
    ICR_PENDING = 1u << 12, REG_LVT_TIMER = 0x320, REG_INITIAL = 0x380,
    REG_CURRENT = 0x390, REG_DIVIDE = 0x3E0,
    SVR_ENABLE = 1u << 8, LVT_TSC_DEADLINE = 2u << 17, LVT_MASKED = 1u << 16,
    DIVIDE_BY_1 = 0xB,
};

static volatile uint32_t *regs;
static bool tsc_deadline;
static uint64_t ratio;          /* LAPIC ticks per TSC tick, 32.32 fixed point */

static uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return (uint64_t)hi << 32 | lo;
}

static void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)) : "memory");
}

static void write_reg(unsigned off, uint32_t v) { regs[off / 4] = v; }
static uint32_t read_reg(unsigned off) { return regs[off / 4]; }

/* The LAPIC timer's rate against the TSC over 10 ms of TSC time. */
static void calibrate(void)
{
    write_reg(REG_DIVIDE, DIVIDE_BY_1);
    write_reg(REG_LVT_TIMER, LVT_MASKED | VEC_TIMER);
    write_reg(REG_INITIAL, 0xFFFFFFFF);
    uint64_t t0 = arch_counter(), span = tsc_hz / 100;
    while (arch_counter() - t0 < span)
        ;
    uint64_t ticks = 0xFFFFFFFFull - read_reg(REG_CURRENT);
    write_reg(REG_INITIAL, 0);
    if (!ticks || !span)
        panic("lapic: its timer does not count (%lu ticks in %lu TSC ticks)",
              (unsigned long)ticks, (unsigned long)span);
    ratio = (ticks << 32) / span;
}

bool lapic_init(void)
{
    uint32_t a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    if (!(d & (1u << 9)))
        panic("lapic: the CPU has no local APIC");
    tsc_deadline = c & (1u << 24);
    uint64_t base = rdmsr(MSR_APIC_BASE);
    wrmsr(MSR_APIC_BASE, base | (1u << 11));          /* global enable */
    /* The direct map is write-back; the MTRRs keep this range uncached. */
    regs = (volatile uint32_t *)(uintptr_t)(DIRECT_MAP_BASE + (base & ~0xFFFull));
    write_reg(REG_SVR, SVR_ENABLE | VEC_SPURIOUS);
    if (tsc_deadline)
        write_reg(REG_LVT_TIMER, LVT_TSC_DEADLINE | VEC_TIMER);
    else {
        if (!ratio)
            calibrate();                                /* once: all CPUs alike */
        write_reg(REG_LVT_TIMER, VEC_TIMER);           /* one-shot */
    }
    return true;
}

uint32_t lapic_id(void)
{
    return read_reg(REG_ID) >> 24;
}

void lapic_ipi(uint32_t apic_id, uint32_t icr_low)
{
    write_reg(REG_ICR_HIGH, apic_id << 24);
    write_reg(REG_ICR_LOW, icr_low);
    for (unsigned spin = 0; read_reg(REG_ICR_LOW) & ICR_PENDING && spin < 1000000; spin++)
        __asm__ volatile("pause");
}

void lapic_eoi(void)
{
    write_reg(REG_EOI, 0);
}

void arch_timer_arm(uint64_t deadline)
{
    if (tsc_deadline) {
        /* 0 disarms; a past deadline fires at once. */
        wrmsr(MSR_TSC_DEADLINE, deadline == TIMER_NONE ? 0 : deadline ? deadline : 1);
        return;
    }
    if (deadline == TIMER_NONE) {
        write_reg(REG_INITIAL, 0);                     /* stops the timer */
        return;
    }
    uint64_t now = arch_counter();
    uint64_t delta = deadline > now ? deadline - now : 0;
    /* Far deadlines fire early (the scheduler then arms again); the
     * clamp also keeps delta * ratio within 64 bits. */
    if (delta > 0xFFFFFFFFull)
        delta = 0xFFFFFFFFull;
    if (ratio && delta > UINT64_MAX / ratio)
        delta = UINT64_MAX / ratio;
    uint64_t ticks = (delta * ratio) >> 32;
    write_reg(REG_INITIAL, ticks ? (ticks > 0xFFFFFFFFull ? 0xFFFFFFFF : (uint32_t)ticks) : 1);
}
