/* The EL2 stage-1 identity map: 4 KiB granule, 39-bit addresses, a level-1
 * table of 1 GiB blocks and level-2 tables of 2 MiB blocks where a GiB is
 * only partly covered. RAM is normal write-back memory (caches, unaligned
 * access), MMIO device-nGnRnE and never executable. Entries only go from
 * invalid to valid, so no break-before-make is ever needed. */
#include "aarch64.h"
#include "arch.h"
#include "sections.h"
#include "sysreg.h"

#define GIB (1ull << 30)
#define MIB2 (1ull << 21)
#define VA_BITS 39
#define L2_TABLES 16

/* MAIR_EL2 slots: 0 device-nGnRnE, 1 normal inner/outer write-back RW-alloc. */
#define MAIR_VALUE 0xff00ull
#define ATTR_IDX(i) ((uint64_t)(i) << 2)
#define DESC_VALID 1ull
#define DESC_TABLE 3ull
#define DESC_AF (1ull << 10)
#define DESC_SH_INNER (3ull << 8)
#define DESC_XN (1ull << 54)
#define DESC_ADDR 0x0000fffffffff000ull

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2[L2_TABLES][512] __attribute__((aligned(4096)));
static unsigned l2_used;

static uint64_t block(uint64_t pa, enum mem_attr attr)
{
    if (attr == MEM_NORMAL)
        return pa | DESC_VALID | ATTR_IDX(1) | DESC_SH_INNER | DESC_AF;
    return pa | DESC_VALID | ATTR_IDX(0) | DESC_AF | DESC_XN;
}

static bool same_attr(uint64_t desc, enum mem_attr attr)
{
    return ((desc >> 2) & 7) == (attr == MEM_NORMAL ? 1u : 0u);
}

static uint64_t pa_limit(void)
{
    static const unsigned bits[] = {32, 36, 40, 42, 44, 48, 52};
    unsigned r = (unsigned)(read_sysreg(ID_AA64MMFR0_EL1) & 0xf);
    unsigned pa = r < 7 ? bits[r] : 32;
    return 1ull << (pa < VA_BITS ? pa : VA_BITS);
}

/* The level-2 table of the GiB at index i, created on demand; NULL when
 * the GiB is a block already or the pool is empty. */
static uint64_t *l2_table(unsigned i)
{
    if (l1[i] & DESC_VALID)
        return (l1[i] & 3) == DESC_TABLE ? (uint64_t *)(uintptr_t)(l1[i] & DESC_ADDR) : 0;
    if (l2_used == L2_TABLES)
        return 0;
    uint64_t *t = l2[l2_used++];
    l1[i] = (uint64_t)(uintptr_t)t | DESC_TABLE;
    return t;
}

static bool map_2m(uint64_t pa, enum mem_attr attr)
{
    uint64_t *t = l2_table((unsigned)(pa / GIB));
    if (!t) /* a 1 GiB block covers it: fine if it has the same attribute */
        return (l1[pa / GIB] & DESC_VALID) && (l1[pa / GIB] & 3) != DESC_TABLE &&
               same_attr(l1[pa / GIB], attr);
    uint64_t *e = &t[(pa % GIB) / MIB2];
    if (*e & DESC_VALID)
        return same_attr(*e, attr);
    *e = block(pa, attr);
    return true;
}

bool mmu_map(uint64_t base, uint64_t size, enum mem_attr attr)
{
    if (!size)
        return true;
    uint64_t end = base + size;
    if (end < base || end > pa_limit())
        return false;
    base &= ~(MIB2 - 1);
    end = (end + MIB2 - 1) & ~(MIB2 - 1);
    bool ok = true;
    for (uint64_t pa = base; pa < end;) {
        unsigned i = (unsigned)(pa / GIB);
        if (pa % GIB == 0 && end - pa >= GIB && !(l1[i] & DESC_VALID)) {
            l1[i] = block(pa, attr);
            pa += GIB;
            continue;
        }
        ok &= map_2m(pa, attr);
        pa += MIB2;
    }
    /* New entries must be visible to the table walker before use. */
    dsb(ishst);
    isb();
    return ok;
}

/* The descriptor mapping pa (a block), or 0 when pa is unmapped. */
static uint64_t lookup(uint64_t pa)
{
    if (pa >= pa_limit())
        return 0;
    uint64_t d = l1[pa / GIB];
    if ((d & 3) == DESC_TABLE)
        d = ((const uint64_t *)(uintptr_t)(d & DESC_ADDR))[(pa % GIB) / MIB2];
    return d & DESC_VALID ? d : 0;
}

bool mmu_is_normal(uint64_t pa, uint64_t len)
{
    uint64_t last = pa + (len ? len - 1 : 0);
    if (last < pa)
        return false;
    for (uint64_t p = pa & ~(MIB2 - 1); p <= last; p += MIB2) {
        uint64_t d = lookup(p);
        if (!d || !same_attr(d, MEM_NORMAL))
            return false;
        if (p + MIB2 < p)
            break;
    }
    return true;
}

uint64_t mmu_root(void)
{
    return (uint64_t)(uintptr_t)l1;
}

/* Invalidate (not clean) the data cache over the kernel image: while the
 * MMU was off our writes went to memory, so any line a loader left in
 * the cache for these addresses is stale and must not be hit later. */
static void invalidate_image_dcache(void)
{
    uint64_t line = 4ull << ((read_sysreg(CTR_EL0) >> 16) & 0xf);
    uint64_t p = (uint64_t)(uintptr_t)__kernel_phys_start & ~(line - 1);
    for (; p < (uint64_t)(uintptr_t)__kernel_phys_end; p += line)
        __asm__ volatile("dc ivac, %0" ::"r"(p) : "memory");
    dsb(sy);
}

void mmu_enable(void)
{
    uint64_t ps = read_sysreg(ID_AA64MMFR0_EL1) & 0xf;
    if (ps > 2)
        ps = 2;                         /* 40 bits cover the 39-bit map */
    uint64_t tcr = (1ull << 31) | (1ull << 23) |   /* RES1 */
                   (ps << 16) |                    /* PS */
                   (0ull << 14) |                  /* TG0: 4 KiB */
                   (3ull << 12) |                  /* SH0: inner shareable */
                   (1ull << 10) | (1ull << 8) |    /* ORGN0/IRGN0: write-back */
                   (64 - VA_BITS);                 /* T0SZ */
    write_sysreg(mair_el2, MAIR_VALUE);
    write_sysreg(tcr_el2, tcr);
    write_sysreg(ttbr0_el2, mmu_root());
    isb();
    invalidate_image_dcache();
    __asm__ volatile("tlbi alle2" ::: "memory");
    dsb(ish);
    __asm__ volatile("ic iallu" ::: "memory");
    dsb(ish);
    isb();
    write_sysreg(sctlr_el2, SCTLR_EL2_KERNEL);
    isb();
}

/* The kernel reads boot data (DTB, modules) through the identity map. */
const void *arch_phys_map(uint64_t pa, uint64_t len)
{
    if (pa + len < pa || !mmu_is_normal(pa, len))
        return 0;
    return (const void *)(uintptr_t)pa;
}
