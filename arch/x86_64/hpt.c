/* 4-level page tables for host spaces. The exact capability (perms and
 * MAD) lives in ignored PTE bits so delegation copies it faithfully, even
 * where x86 cannot express it (write or execute without read). */
#include "hpt.h"
#include "kmem.h"
#include "layout.h"
#include "vtd_ir.h"
#include <string.h>

enum {
    PTE_P = 1u << 0, PTE_W = 1u << 1, PTE_U = 1u << 2, PTE_PWT = 1u << 3,
    PTE_PCD = 1u << 4, PTE_PAT = 1u << 7, PTE_KERNEL_OWNED = 1u << 9,
};
#define PTE_NX (1ull << 63)
#define PTE_ADDR 0x000FFFFFFFFFF000ull
#define PTE_SW_PERMS_SHIFT 52            /* bits 55..52: MEM_* */
#define PTE_SW_ATTR_SHIFT 56             /* bits 58..56: MAD CA */
#define TABLE_FLAGS (PTE_P | PTE_W | PTE_U)

extern uint64_t boot_pml4[];             /* the kernel's master tables (boot.S) */

static uint64_t *table_va(uint64_t entry)
{
    return (uint64_t *)(uintptr_t)(DIRECT_MAP_BASE + (entry & PTE_ADDR));
}

bool hpt_init(struct hpt *h, struct quota *q)
{
    h->pml4 = kmem_alloc(q, 0);
    if (!h->pml4)
        return false;
    h->pml4_phys = kmem_phys(h->pml4);
    /* Kernel half shared: its PDPTs exist from boot, so later kernel
     * mappings show in every space. */
    memcpy(h->pml4 + 256, boot_pml4 + 256, 256 * sizeof(uint64_t));
    return true;
}

static void free_level(uint64_t *t, int level, struct quota *q)
{
    for (int i = 0; level > 1 && i < 512; i++)
        if (t[i] & PTE_P)
            free_level(table_va(t[i]), level - 1, q);
    kmem_free(q, t, 0);
}

void hpt_destroy(struct hpt *h, struct quota *q)
{
    for (int i = 0; i < 256; i++)
        if (h->pml4[i] & PTE_P)
            free_level(table_va(h->pml4[i]), 3, q);
    kmem_free(q, h->pml4, 0);
}

/* The leaf PTE slot for va, creating tables when q can pay. */
static uint64_t *walk(uint64_t *t, uint64_t va, struct quota *q)
{
    for (int shift = 39; shift > 12; shift -= 9) {
        uint64_t *e = &t[(va >> shift) & 511];
        if (!(*e & PTE_P)) {
            if (!q)
                return 0;
            uint64_t *next = kmem_alloc(q, 0);
            if (!next)
                return 0;
            *e = kmem_phys(next) | TABLE_FLAGS;
        }
        t = table_va(*e);
    }
    return &t[(va >> 12) & 511];
}

/* MAD CA 0..4 (WB WT WC UC WP) selects PAT entry CA: PWT=bit0, PCD=bit1,
 * PAT=bit2 (the PAT MSR is programmed to match, see cpu_setup). */
static uint64_t cache_bits(unsigned ca)
{
    return (ca & 1 ? PTE_PWT : 0) | (ca & 2 ? PTE_PCD : 0) | (ca & 4 ? PTE_PAT : 0);
}

bool hpt_set(struct hpt *h, struct quota *q, uint64_t va, const struct hpt_entry *e)
{
    uint64_t *pte = walk(h->pml4, va, e->perms ? q : 0);
    if (!pte)
        return !e->perms;    /* removing what is not there is done */
    uint64_t v = 0;
    if (e->perms) {
        v = (e->pa & PTE_ADDR) | PTE_P | PTE_U | cache_bits(e->attr & 7) |
            (uint64_t)(e->perms & MEM_PERMS) << PTE_SW_PERMS_SHIFT |
            (uint64_t)(e->attr & 7) << PTE_SW_ATTR_SHIFT;
        if (e->perms & MEM_W)
            v |= PTE_W;
        if (!(e->perms & (MEM_XU | MEM_XS)))
            v |= PTE_NX;
        if (e->kernel_owned)
            v |= PTE_KERNEL_OWNED;
    }
    uint64_t old = *pte;
    *pte = v;
    if (old & PTE_P)
        __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
    return true;
}

struct hpt_entry hpt_get(const struct hpt *h, uint64_t va)
{
    struct hpt_entry e = {0, 0, 0, false};
    const uint64_t *pte = walk(h->pml4, va, 0);
    if (pte && (*pte & PTE_P)) {
        e.pa = *pte & PTE_ADDR;
        e.perms = (unsigned)(*pte >> PTE_SW_PERMS_SHIFT) & MEM_PERMS;
        e.attr = (unsigned)(*pte >> PTE_SW_ATTR_SHIFT) & 7;
        e.kernel_owned = *pte & PTE_KERNEL_OWNED;
    }
    return e;
}

void hpt_activate_kernel(void)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"((uintptr_t)boot_pml4 - KERNEL_VIRT_OFFSET) : "memory");
}

uint64_t hpt_skip(const struct hpt *h, uint64_t va)
{
    while (va < HPT_USER_END) {
        const uint64_t *t = h->pml4;
        int shift = 39;
        for (; shift > 12; shift -= 9) {
            uint64_t e = t[(va >> shift) & 511];
            if (!(e & PTE_P))
                break;
            t = table_va(e);
        }
        if (shift == 12)
            return va;
        va = (va | ((1ull << shift) - 1)) + 1;   /* past the missing table */
    }
    return HPT_USER_END;
}

bool arch_phys_protected(uint64_t pa)
{
    return (pa >= 0xFEC00000 && pa < 0xFEC01000) ||   /* IOAPIC (until ACPI MADT) */
           (pa >= 0xFEE00000 && pa < 0xFEF00000) ||   /* LAPIC and the MSI range */
           vtd_phys_protected(pa);                    /* VT-d units (ACPI DMAR) */
}
