/* The CPU is where boot.S promised to leave it: long mode, paging with
 * PAE and write protection, the kernel running in the top 2 GiB. */
#include "probe.h"

static void long_mode(struct probe_ctx *ctx)
{
    uint64_t cr0, cr4;
    uint32_t lo, hi;
    __asm__ volatile("mov %%cr0, %0; mov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0xC0000080));
    uint64_t efer = (uint64_t)hi << 32 | lo;
    if (!(efer & (1u << 10)))
        probe_fail(ctx, "EFER.LMA clear (efer=0x%lx)", (unsigned long)efer);
    if ((cr0 & 0x80010001) != 0x80010001)
        probe_fail(ctx, "CR0 PG/WP/PE not all set (cr0=0x%lx)", (unsigned long)cr0);
    if (!(cr4 & 0x20))
        probe_fail(ctx, "CR4.PAE clear (cr4=0x%lx)", (unsigned long)cr4);
    uintptr_t here = (uintptr_t)&long_mode;
    if (here < 0xFFFFFFFF80000000ul)
        probe_fail(ctx, "kernel code at 0x%lx, not in the top 2 GiB", (unsigned long)here);
}
PROBE("cpu.long_mode", long_mode);
