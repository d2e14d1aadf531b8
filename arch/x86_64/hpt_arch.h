/* x86_64 host page tables: a PML4 whose upper half is the kernel's. */
#pragma once
#include <stdint.h>

/* User virtual addresses: 0 .. 2^47 (H = 47). */
#define HPT_USER_BITS 47
#define HPT_USER_END (1ull << HPT_USER_BITS)

/* Loads the kernel's master tables (user half unused): for an idle CPU. */
void hpt_activate_kernel(void);

struct hpt {
    uint64_t *pml4;        /* kernel address */
    uint64_t pml4_phys;
};

/* Makes h the current host space of this CPU (inline for the EC switch). */
static inline __attribute__((always_inline)) void hpt_load_cr3(const struct hpt *h)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(h->pml4_phys) : "memory");
}
