/* Bringing up the application processors. Each gets a CPU number in MADT
 * order, its own kernel stack, TSS, per-CPU block and LAPIC, then idles
 * in the scheduler until work for it appears. */
#include "smp.h"
#include "arch.h"
#include "console.h"
#include "cpu_setup.h"
#include "kernel_lock.h"
#include "lapic.h"
#include "layout.h"
#include "panic.h"
#include "sched.h"
#include "segments.h"
#include "sys_util.h"
#include "trap_frame.h"
#include "tsc.h"
#include <string.h>

#define AP_TRAMPOLINE 0x7000
#define AP_STACK 16384

extern const char ap_trampoline[], ap_trampoline_end[], ap_tr_cr3[], ap_tr_stack[];
extern uint64_t boot_pml4[];

uint32_t cpu_apic_id[CPUS_MAX];
static uint8_t ap_stacks[CPUS_MAX][AP_STACK] __attribute__((aligned(16)));
static volatile unsigned booting_cpu;
static volatile bool online[CPUS_MAX];

_Noreturn void x86_ap_main(void);

void x86_ap_main(void)
{
    unsigned cpu = booting_cpu;
    gdt_init(cpu);
    idt_load();
    cpu_setup(cpu, (uint64_t)(uintptr_t)(ap_stacks[cpu] + AP_STACK));
    lapic_init();
    online[cpu] = true;
    kernel_lock();
    sched_dispatch();                 /* idles until an SC of this CPU is ready */
}

static void delay_us(uint64_t us)
{
    uint64_t end = arch_counter() + tsc_hz / 1000000 * us;
    while (arch_counter() < end)
        __asm__ volatile("pause");
}

static bool start(unsigned cpu, uint32_t apic_id)
{
    uint8_t *tr = (uint8_t *)(uintptr_t)(DIRECT_MAP_BASE + AP_TRAMPOLINE);   /* low RAM */
    uint64_t size = (uint64_t)(ap_trampoline_end - ap_trampoline);
    uint64_t cr3 = (uint64_t)(uintptr_t)boot_pml4 - KERNEL_VIRT_OFFSET;
    uint64_t stack = (uint64_t)(uintptr_t)(ap_stacks[cpu] + AP_STACK);
    memcpy(tr, ap_trampoline, size);
    memcpy(tr + (ap_tr_cr3 - ap_trampoline), &cr3, 8);
    memcpy(tr + (ap_tr_stack - ap_trampoline), &stack, 8);
    booting_cpu = cpu;
    lapic_ipi(apic_id, 0x4500);                        /* INIT, assert */
    delay_us(10000);
    for (int i = 0; i < 2 && !online[cpu]; i++) {
        lapic_ipi(apic_id, 0x4600 | (AP_TRAMPOLINE >> 12));   /* STARTUP */
        delay_us(200);
    }
    for (unsigned ms = 0; ms < 200 && !online[cpu]; ms++)
        delay_us(1000);
    return online[cpu];
}

void smp_boot(const struct acpi_info *ai)
{
    cpu_apic_id[0] = lapic_id();
    online[0] = true;
    unsigned n = 1;
    for (unsigned i = 0; i < ai->cpus && n < CPUS_MAX; i++) {
        if (ai->apic_id[i] == cpu_apic_id[0])
            continue;
        cpu_apic_id[n] = ai->apic_id[i];
        if (start(n, ai->apic_id[i]))
            n++;
        else
            kprintf("smp: CPU with APIC ID %u did not come up\n", ai->apic_id[i]);
    }
    cpu_count = n;
    kprintf("smp: %u CPU%s online\n", n, n == 1 ? "" : "s");
    if (n == 1) {                     /* nobody to exclude: drop the lock */
        kernel_unlock();
        kernel_lock_enabled = false;
    }
}

void arch_ipi_reschedule(unsigned cpu)
{
    lapic_ipi(cpu_apic_id[cpu], VEC_RESCHED);
}
