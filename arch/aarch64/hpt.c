/* Host spaces as stage-2 translation tables. Host ECs run with stage 1
 * off (HCR_EL2.TGE|DC|VM), so a host-virtual address is the IPA. 4 KiB
 * granule, 40-bit IPA (VTCR_EL2.T0SZ = 24): the walk starts at level 1
 * with two concatenated tables (8 KiB, 1024 entries of 1 GiB), then
 * level 2 (2 MiB) and level 3 (pages). Tables are never freed before
 * the space goes away.
 *
 * A leaf keeps the capability exactly, so delegation copies it: R/W in
 * S2AP, the MAD's CA in MemAttr and SH in SH, XU/XS, kernel ownership and
 * presence in the software bits 58..55. Frames beyond a 48-bit output
 * address stay software-only entries (hardware-invalid). */
#include "hpt.h"
#include "cpu_local.h"
#include "kmem.h"
#include "percpu.h"
#include "sysreg.h"

#define L1_ENTRIES 1024
#define D_VALID (1ull << 0)
#define D_TABLE (3ull << 0)                 /* table, or page at level 3 */
#define D_MEMATTR_SHIFT 2                   /* bits 5..2 */
#define D_S2AP_R (1ull << 6)
#define D_S2AP_W (1ull << 7)
#define D_SH_SHIFT 8                        /* bits 9..8 */
#define D_AF (1ull << 10)
#define D_XN0 (1ull << 53)                  /* FEAT_XNX: XN[0] */
#define D_XN (1ull << 54)
#define D_SW_XU (1ull << 55)
#define D_SW_XS (1ull << 56)
#define D_SW_KERNEL (1ull << 57)
#define D_SW_PRESENT (1ull << 58)
#define D_OA 0x000ffffffffff000ull          /* bits 51..12 as stored */
#define D_OA_HW 0x0000fffffffff000ull       /* what a valid descriptor may hold */

/* Stage-2 MemAttr for MAD CA 0..7 (interface §3.10): Device nGnRnE,
 * nGnRE, nGRE, GRE, (reserved), Normal NC, WT, WB inner and outer. */
static const uint8_t memattr_of_ca[8] = {0x0, 0x1, 0x2, 0x3, 0xF, 0x5, 0xA, 0xF};

static bool xnx;                            /* separate EL0/EL1 execute control */
static unsigned next_vmid = 1;
/* Per CPU: whose entries that CPU's TLB may hold under each VMID. */
static const struct hpt *vmid_owner[CPUS_MAX][256];

static uint64_t *table_of(uint64_t d) { return (uint64_t *)(uintptr_t)(d & D_OA_HW); }

bool hpt_init(struct hpt *h, struct quota *q)
{
    h->root = kmem_alloc(q, 1);             /* 8 KiB, naturally aligned */
    if (!h->root)
        return false;
    h->vmid = next_vmid;
    h->vttbr = kmem_phys(h->root) | (uint64_t)h->vmid << 48;
    next_vmid = next_vmid == 255 ? 1 : next_vmid + 1;
    xnx = ((read_sysreg(ID_AA64MMFR1_EL1) >> 28) & 0xf) != 0;
    return true;
}

/* TLB maintenance by VMID goes to the VMID in VTTBR_EL2: h's, for the
 * moment, when another space is loaded here (EL2 itself does not use
 * VTTBR_EL2, so switching it at EL2 is harmless). */
static uint64_t with_vmid_of(const struct hpt *h)
{
    uint64_t old = read_sysreg(vttbr_el2);
    if (old != h->vttbr) {
        write_sysreg(vttbr_el2, h->vttbr);
        isb();
    }
    return old;
}

static void restore_vttbr(const struct hpt *h, uint64_t old)
{
    if (old != h->vttbr)
        write_sysreg(vttbr_el2, old);
    isb();
}

/* Every CPU forgets all of h's VMID (inner-shareable broadcast). */
static void flush_vmid(const struct hpt *h)
{
    uint64_t old = with_vmid_of(h);
    __asm__ volatile("tlbi vmalls12e1is" ::: "memory");
    dsb(ish);
    restore_vttbr(h, old);
}

void hpt_destroy(struct hpt *h, struct quota *q)
{
    /* No CPU may keep h's entries or walks: a new space at this address,
     * or another one with h's VMID, must not inherit them. */
    flush_vmid(h);
    for (unsigned i = 0; i < L1_ENTRIES; i++) {
        if (!(h->root[i] & D_VALID))
            continue;
        uint64_t *l2 = table_of(h->root[i]);
        for (unsigned j = 0; j < 512; j++)
            if (l2[j] & D_VALID)
                kmem_free(q, table_of(l2[j]), 0);
        kmem_free(q, l2, 0);
    }
    kmem_free(q, h->root, 1);
    /* A CPU whose VTTBR_EL2 still names h (idle since) loads its next
     * space afresh, and flushes the VMID first wherever h used it. */
    for (unsigned c = 0; c < CPUS_MAX; c++) {
        if (vmid_owner[c][h->vmid] == h)
            vmid_owner[c][h->vmid] = 0;
        if (cpu_of(c)->hpt_active == h)
            cpu_of(c)->hpt_active = 0;
    }
}

/* The leaf slot for va, creating tables when q can pay. */
static uint64_t *leaf(const struct hpt *h, uint64_t va, struct quota *q)
{
    uint64_t *e = &h->root[(va >> 30) % L1_ENTRIES];
    for (unsigned shift = 21;; shift -= 9) {
        if (!(*e & D_VALID)) {
            if (!q)
                return 0;
            uint64_t *t = kmem_alloc(q, 0);
            if (!t)
                return 0;
            dsb(ishst);                     /* the zeroed table before the link */
            *e = kmem_phys(t) | D_TABLE;
        }
        e = &table_of(*e)[(va >> shift) % 512];
        if (shift == 12)
            return e;
    }
}

static uint64_t encode(const struct hpt_entry *e)
{
    unsigned ca = e->attr & HPT_ATTR_MAD ? e->attr & 7 : 7;
    unsigned sh = e->attr & HPT_ATTR_MAD ? (e->attr >> 3) & 3 : 3;
    bool xu = e->perms & MEM_XU, xs = e->perms & MEM_XS;
    uint64_t d = (e->pa & D_OA) | D_TABLE | D_AF | D_SW_PRESENT |
                 (uint64_t)memattr_of_ca[ca] << D_MEMATTR_SHIFT | (uint64_t)sh << D_SH_SHIFT |
                 (e->perms & MEM_R ? D_S2AP_R : 0) | (e->perms & MEM_W ? D_S2AP_W : 0) |
                 (xu ? D_SW_XU : 0) | (xs ? D_SW_XS : 0) |
                 (e->kernel_owned ? D_SW_KERNEL : 0);
    if (!xnx)                               /* one control: X = XU or XS */
        d |= xu || xs ? 0 : D_XN;
    else if (!xu)                           /* XN[1:0]: 10 none, 11 EL1 only */
        d |= D_XN | (xs ? D_XN0 : 0);
    else if (!xs)                           /* 01 EL0 only */
        d |= D_XN0;
    if (e->pa & ~D_OA_HW)
        d &= ~D_VALID;                      /* beyond 48 bits: software only */
    return d;
}

/* Drops the TLB entries of va in h on every CPU at once, whichever space
 * each runs (stage 2 by IPA, then the combined entries by VA = IPA; the
 * IS forms are broadcast). A space sharing h's VMID loses that address
 * too, which only costs it a walk. */
static void invalidate(const struct hpt *h, uint64_t va)
{
    uint64_t old = with_vmid_of(h);
    __asm__ volatile("tlbi ipas2e1is, %0" ::"r"(va >> 12) : "memory");
    dsb(ish);
    __asm__ volatile("tlbi vaae1is, %0" ::"r"(va >> 12) : "memory");
    dsb(ish);
    restore_vttbr(h, old);
}

bool hpt_set(struct hpt *h, struct quota *q, uint64_t va, const struct hpt_entry *e)
{
    uint64_t *pte = leaf(h, va, e->perms ? q : 0);
    if (!pte)
        return !e->perms;                   /* removing what is not there is done */
    uint64_t old = *pte, v = e->perms ? encode(e) : 0;
    if (old & D_VALID) {                    /* break before make */
        *pte = 0;
        dsb(ishst);
        invalidate(h, va);
    }
    *pte = v;
    dsb(ishst);
    return true;
}

struct hpt_entry hpt_get(const struct hpt *h, uint64_t va)
{
    struct hpt_entry r = {0, 0, 0, false};
    const uint64_t *pte = leaf(h, va, 0);
    if (!pte || !(*pte & D_SW_PRESENT))
        return r;
    uint64_t d = *pte;
    unsigned memattr = (d >> D_MEMATTR_SHIFT) & 0xf, ca = 7;
    for (unsigned i = 0; i < 8; i++)
        if (i != 4 && memattr_of_ca[i] == memattr)
            ca = i;
    r.pa = d & D_OA;
    r.perms = (d & D_S2AP_R ? MEM_R : 0) | (d & D_S2AP_W ? MEM_W : 0) |
              (d & D_SW_XU ? MEM_XU : 0) | (d & D_SW_XS ? MEM_XS : 0);
    r.attr = HPT_ATTR_MAD | ca | (unsigned)((d >> D_SH_SHIFT) & 3) << 3;
    r.kernel_owned = d & D_SW_KERNEL;
    return r;
}

void hpt_activate(const struct hpt *h)
{
    struct cpu_local *c = cpu_self();
    write_sysreg(vttbr_el2, h->vttbr);
    if (vmid_owner[c->id][h->vmid] != h) {
        /* This CPU used the VMID for another space (or a dead one): its
         * TLB may still hold that space's entries. Other CPUs keep their
         * own records, so the local flush is enough. */
        isb();
        __asm__ volatile("tlbi vmalls12e1" ::: "memory");
        dsb(nsh);
        vmid_owner[c->id][h->vmid] = h;
    }
    c->hpt_active = h;
}

uint64_t hpt_skip(const struct hpt *h, uint64_t va)
{
    while (va < HPT_USER_END) {
        uint64_t d = h->root[(va >> 30) % L1_ENTRIES];
        if (!(d & D_VALID)) {
            va = (va | ((1ull << 30) - 1)) + 1;
            continue;
        }
        if (!(table_of(d)[(va >> 21) % 512] & D_VALID)) {
            va = (va | ((1ull << 21) - 1)) + 1;
            continue;
        }
        return va;
    }
    return HPT_USER_END;
}

/* MAD (interface §3.10): CA 4 and SH 1 are reserved; bits 31..5 ignored. */
bool arch_mad_valid(uint32_t mad)
{
    return (mad & 7) != 4 && ((mad >> 3) & 3) != 1;
}

unsigned arch_mad_attr(uint32_t mad)
{
    return HPT_ATTR_MAD | (mad & 0x1f);
}
