/* Per-CPU set-up for running user mode: GS for the per-CPU data, the
 * SYSCALL MSRs, PAT entries matching the MAD cacheability encoding, and
 * SSE for user code (the kernel itself never touches FPU registers). */
#include "cpu_local.h"
#include "cpu_setup.h"
#include "percpu.h"
#include "segments.h"

enum {
    MSR_EFER = 0xC0000080, MSR_STAR = 0xC0000081, MSR_LSTAR = 0xC0000082,
    MSR_FMASK = 0xC0000084, MSR_GS_BASE = 0xC0000101, MSR_KERNEL_GS_BASE = 0xC0000102,
    MSR_PAT = 0x277,
};

extern const char syscall_entry[];   /* entry.S */

struct cpu_local cpu_locals[CPUS_MAX];

static void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return (uint64_t)hi << 32 | lo;
}

void cpu_setup(unsigned id, uint64_t kstack_top)
{
    struct cpu_local *c = &cpu_locals[id];
    c->self = c;
    c->id = id;
    c->kstack_top = kstack_top;
    c->percpu = &percpu[id];
    wrmsr(MSR_GS_BASE, (uint64_t)(uintptr_t)c);
    wrmsr(MSR_KERNEL_GS_BASE, 0);
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | 1);                     /* SCE */
    wrmsr(MSR_STAR, (uint64_t)SEL_USER_BASE << 48 | (uint64_t)SEL_KERNEL_CODE << 32);
    wrmsr(MSR_LSTAR, (uint64_t)(uintptr_t)syscall_entry);
    wrmsr(MSR_FMASK, 0x47700);                                 /* TF IF DF IOPL NT AC */
    /* PAT index = MAD CA: WB, WT, WC, UC, WP, then UC. */
    wrmsr(MSR_PAT, 0x0000000500010406ull);
    uint64_t cr0, cr4;
    __asm__ volatile("mov %%cr0, %0; mov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
    cr0 = (cr0 & ~(1ull << 2 | 1ull << 3)) | 1ull << 1;        /* EM off, TS off, MP on */
    cr4 |= 1ull << 9 | 1ull << 10;                             /* OSFXSR, OSXMMEXCPT */
    __asm__ volatile("mov %0, %%cr0; mov %1, %%cr4" : : "r"(cr0), "r"(cr4));
}
