/* The GDT: kernel and user segments plus one TSS per CPU. A TSS's RSP0
 * points at the end of its CPU's running EC's register frame, so a trap
 * from user mode saves the user state straight into the EC. */
#include "cpu_setup.h"
#include "percpu.h"
#include "segments.h"
#include <stdbool.h>
#include <stdint.h>

static uint64_t gdt[6 + 2 * CPUS_MAX] __attribute__((aligned(16))) = {
    0,
    0x00AF9A000000FFFF,     /* 0x08 kernel code 64 */
    0x00CF92000000FFFF,     /* 0x10 kernel data */
    0x00CFFA000000FFFF,     /* 0x18 user code 32 (unused; STAR base) */
    0x00CFF2000000FFFF,     /* 0x20 user data */
    0x00AFFA000000FFFF,     /* 0x28 user code 64 */
    /* 0x30 + 16 * cpu: the TSS of each CPU (two slots each) */
};

void gdt_init(unsigned cpu)
{
    struct tss *t = &cpu_locals[cpu].tss;
    uint64_t base = (uint64_t)(uintptr_t)t, limit = sizeof *t - 1;
    t->iomap_base = sizeof *t;        /* beyond the limit: every port faults */
    t->iomap[8192] = 0xFF;
    gdt[6 + 2 * cpu] = (limit & 0xFFFF) | (base & 0xFFFFFF) << 16 | 0x89ull << 40 |
                       ((limit >> 16) & 0xF) << 48 | ((base >> 24) & 0xFF) << 56;
    gdt[7 + 2 * cpu] = base >> 32;
    struct __attribute__((packed)) { uint16_t limit; uint64_t base; } desc = {
        sizeof gdt - 1, (uint64_t)(uintptr_t)gdt};
    __asm__ volatile("lgdt %0; ltr %w1" : : "m"(desc), "r"(SEL_TSS + 16 * cpu) : "memory");
}

void tss_load_iomap(const uint8_t *allowed)
{
    struct tss *t = &cpu_self()->tss;
    if (!allowed) {
        t->iomap_base = sizeof *t;
        return;
    }
    for (unsigned i = 0; i < 8192; i++)
        t->iomap[i] = (uint8_t)~allowed[i];
    t->iomap_base = __builtin_offsetof(struct tss, iomap);
}
