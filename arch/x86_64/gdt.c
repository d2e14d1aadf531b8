/* The GDT: kernel and user segments plus the TSS. The TSS's RSP0 points
 * at the end of the running EC's register frame, so a trap from user mode
 * saves the user state straight into the EC. */
#include "segments.h"
#include <stdbool.h>
#include <stdint.h>


struct tss tss __attribute__((aligned(64)));

static uint64_t gdt[8] __attribute__((aligned(16))) = {
    0,
    0x00AF9A000000FFFF,     /* 0x08 kernel code 64 */
    0x00CF92000000FFFF,     /* 0x10 kernel data */
    0x00CFFA000000FFFF,     /* 0x18 user code 32 (unused; STAR base) */
    0x00CFF2000000FFFF,     /* 0x20 user data */
    0x00AFFA000000FFFF,     /* 0x28 user code 64 */
    0, 0,                   /* 0x30 TSS (two slots) */
};

void gdt_init(void)
{
    uint64_t base = (uint64_t)(uintptr_t)&tss, limit = sizeof tss - 1;
    tss.iomap_base = sizeof tss;      /* beyond the limit: every port faults */
    tss.iomap[8192] = 0xFF;
    gdt[6] = (limit & 0xFFFF) | (base & 0xFFFFFF) << 16 | 0x89ull << 40 |
             ((limit >> 16) & 0xF) << 48 | ((base >> 24) & 0xFF) << 56;
    gdt[7] = base >> 32;
    struct __attribute__((packed)) { uint16_t limit; uint64_t base; } desc = {
        sizeof gdt - 1, (uint64_t)(uintptr_t)gdt};
    __asm__ volatile("lgdt %0; ltr %w1" : : "m"(desc), "r"(SEL_TSS) : "memory");
}

void tss_set_rsp0(uint64_t rsp0)
{
    tss.rsp[0] = rsp0;
}

void tss_load_iomap(const uint8_t *allowed)
{
    if (!allowed) {
        tss.iomap_base = sizeof tss;
        return;
    }
    for (unsigned i = 0; i < 8192; i++)
        tss.iomap[i] = (uint8_t)~allowed[i];
    tss.iomap_base = __builtin_offsetof(struct tss, iomap);
}

void tss_iomap_enable(bool on)
{
    tss.iomap_base = on ? __builtin_offsetof(struct tss, iomap) : sizeof tss;
}
