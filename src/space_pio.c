/* PIO spaces: one permission bit (A) per I/O port. The NOVA PIO space
 * is computed: every port except those the kernel protects. */
#include "pd.h"
#include "kmem.h"
#include "slab.h"

static SLAB_CACHE(space_pio_cache, struct space_pio);

/* Ports the kernel keeps (interface §5.8: ACPI PM and SMI ports; the
 * kernel's own console and PIT are left to the root task as NOVA does). */
__attribute__((weak)) bool arch_pio_protected(unsigned port)
{
    (void)port;
    return false;
}

static void destroy(struct kobj *o)
{
    struct space_pio *s = (struct space_pio *)o;
    if (s->allowed)
        kmem_free(&s->pd->quota, s->allowed, 1);
    slab_free(&space_pio_cache, &o->owner->quota, s);
}

struct space_pio *space_pio_create(struct pd *owner, bool nova)
{
    struct space_pio *s = slab_alloc(&space_pio_cache, &owner->quota);
    if (!s)
        return 0;
    s->hdr = (struct kobj){.type = KOBJ_SPACE_PIO, .owner = owner, .destroy = destroy};
    s->pd = owner;
    s->nova = nova;
    if (!nova && !(s->allowed = kmem_alloc(&owner->quota, 1))) {   /* 8 KiB */
        slab_free(&space_pio_cache, &owner->quota, s);
        return 0;
    }
    return s;
}

bool space_pio_allowed(const struct space_pio *s, unsigned port)
{
    if (port >= PIO_PORTS)
        return false;
    if (s->nova)
        return !arch_pio_protected(port);
    return s->allowed[port / 8] >> (port % 8) & 1;
}

void space_pio_set(struct space_pio *s, unsigned port, bool allowed)
{
    uint8_t bit = (uint8_t)(1u << (port % 8)), old = s->allowed[port / 8];
    s->allowed[port / 8] = allowed ? old | bit : old & ~bit;
    s->ports += (allowed && !(old & bit)) - (!allowed && (old & bit));
}
