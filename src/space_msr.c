/* MSR spaces: R and W per MSR in 0..1FFF and C0000000..C0001FFF. The
 * NOVA MSR space grants what interface §5.8 lists, nothing else. */
#include "pd.h"
#include "kmem.h"
#include "slab.h"

static SLAB_CACHE(space_msr_cache, struct space_msr);

enum { MSR_R = 1, MSR_W = 2, RANGE = 0x2000 };

bool space_msr_valid(uint64_t msr)
{
    return msr < RANGE || (msr >= 0xC0000000u && msr < 0xC0000000u + RANGE);
}

static unsigned index_of(uint64_t msr)
{
    return msr < RANGE ? (unsigned)msr : (unsigned)(msr - 0xC0000000u) + RANGE;
}

/* Interface §5.8, the MSRs a VMM may get; everything else is CAP0. */
static unsigned nova_perms(uint64_t msr)
{
    switch (msr) {
    case 0x174: case 0x175: case 0x176: case 0x277: case 0xC0000080:
    case 0xC0000100: case 0xC0000101: case 0xC0000102:
        return MSR_R | MSR_W;      /* SYSENTER_*, PAT, EFER, FS/GS/KERNEL_GS base */
    case 0x49: case 0x10B:
        return MSR_W;              /* PRED_CMD, FLUSH_CMD */
    case 0x10: case 0x17: case 0x8B: case 0xCF: case 0xE7: case 0xE8: case 0xFE:
    case 0x10A: case 0x123: case 0x195: case 0x198: case 0x19C: case 0x1B1:
    case 0xDA0: case 0xC0000081: case 0xC0000082: case 0xC0000084: case 0xC0000103:
        return MSR_R;              /* TSC, PLATFORM_ID, BIOS_SIGN_ID, ... TSC_AUX */
    default:
        return 0;
    }
}

static void destroy(struct kobj *o)
{
    struct space_msr *s = (struct space_msr *)o;
    if (s->perms)
        kmem_free(&s->pd->quota, s->perms, 0);
    slab_free(&space_msr_cache, &o->owner->quota, s);
}

struct space_msr *space_msr_create(struct pd *owner, bool nova)
{
    struct space_msr *s = slab_alloc(&space_msr_cache, &owner->quota);
    if (!s)
        return 0;
    s->hdr = (struct kobj){.type = KOBJ_SPACE_MSR, .owner = owner, .destroy = destroy};
    s->pd = owner;
    s->nova = nova;
    if (!nova && !(s->perms = kmem_alloc(&owner->quota, 0))) {   /* 2 x 0x4000 x 2 bits */
        slab_free(&space_msr_cache, &owner->quota, s);
        return 0;
    }
    return s;
}

unsigned space_msr_perms(const struct space_msr *s, uint64_t msr)
{
    if (!space_msr_valid(msr))
        return 0;
    if (s->nova)
        return nova_perms(msr);
    unsigned i = index_of(msr);
    return s->perms[i / 4] >> (i % 4 * 2) & 3;
}

void space_msr_set(struct space_msr *s, uint64_t msr, unsigned perms)
{
    unsigned i = index_of(msr), shift = i % 4 * 2;
    s->perms[i / 4] = (uint8_t)((s->perms[i / 4] & ~(3u << shift)) | (perms & 3) << shift);
}
