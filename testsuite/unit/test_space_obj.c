/* Object spaces and object-capability delegation on the host: lookup and
 * bounds, reference counts (overwrites revoke, the last reference
 * destroys), permission masking, CAP0 rules, range checks, and quota
 * charging with MEM_CAP as a partial failure. */
#include "check.h"
#include "kmem.h"
#include "pd.h"
#include <setjmp.h>
#include <stdlib.h>

/* The kernel's memory pool and panic, for the host. */
struct buddy kmem;
uint64_t nova_phys_start, nova_phys_end;

void *kmem_alloc(struct quota *q, unsigned order)
{
    if (!quota_charge(q, FRAME_SIZE << order))
        return 0;
    void *p = buddy_alloc(&kmem, order);
    if (!p)
        quota_release(q, FRAME_SIZE << order);
    return p;
}

void kmem_free(struct quota *q, void *p, unsigned order)
{
    buddy_free(&kmem, p, order);
    quota_release(q, FRAME_SIZE << order);
}

void panic(const char *fmt, ...)
{
    fprintf(stderr, "panic: %s\n", fmt);
    abort();
}

/* Test objects: 32-byte aligned, counting their destruction. */
struct thing {
    struct kobj hdr;
} __attribute__((aligned(32)));

static int destroyed;
static void count_destroy(struct kobj *o) { (void)o; destroyed++; }

static struct thing make(enum kobj_type t)
{
    return (struct thing){{.type = t, .destroy = count_destroy}};
}

int main(void)
{
    enum { ARENA = 4 << 20 };
    void *mem = aligned_alloc(FRAME_SIZE, ARENA);
    buddy_init(&kmem);
    CHECK(buddy_add(&kmem, (uintptr_t)mem, 0x100000, ARENA));

    struct pd owner = {.quota = {.limit = 1 << 20}};
    struct space_obj *s = space_obj_create(&owner);
    CHECK(s != NULL);
    uint64_t base_use = owner.quota.used;                     /* object + first level */
    CHECK(base_use >= FRAME_SIZE);

    struct thing sm = make(KOBJ_SM), pt = make(KOBJ_PT);
    /* Lookup and bounds */
    CHECK(space_obj_lookup(s, 5) == CAP0);
    CHECK(space_obj_lookup(s, SEL_NUM) == CAP0);
    CHECK(space_obj_store(s, SEL_NUM, cap_make(&sm.hdr, 3)) == BAD_PAR);
    CHECK(space_obj_insert(s, SEL_NUM + 7, cap_make(&sm.hdr, 3)) == BAD_CAP);

    /* Store charges one leaf; references follow the slots. */
    CHECK(space_obj_store(s, 5, cap_make(&sm.hdr, 3)) == SUCCESS);
    CHECK(owner.quota.used == base_use + FRAME_SIZE);
    CHECK(sm.hdr.refs == 1);
    CHECK(cap_check(space_obj_lookup(s, 5), KOBJ_SM, 3) == &sm.hdr);
    CHECK(cap_check(space_obj_lookup(s, 5), KOBJ_PT, 0) == NULL);     /* wrong type */
    CHECK(cap_check(space_obj_lookup(s, 5), KOBJ_SM, 0x10) == NULL);  /* missing perm */
    CHECK(space_obj_insert(s, 5, cap_make(&pt.hdr, 7)) == BAD_CAP);   /* occupied */
    CHECK(pt.hdr.refs == 0);
    CHECK(cap_make(&sm.hdr, 0) == CAP0 && cap_make(NULL, 3) == CAP0);

    /* Delegation: masking, zero permissions are CAP0, overwrite revokes. */
    struct pd other = {.quota = {.limit = 1 << 20}};
    struct space_obj *d = space_obj_create(&other);
    CHECK(space_obj_store(s, 6, cap_make(&pt.hdr, 7)) == SUCCESS);
    CHECK(space_obj_delegate(s, d, 4, 0x104, 4, 0x1F) == SUCCESS);   /* 4..7 -> 0x104.. */
    CHECK(space_obj_lookup(d, 0x105) == cap_make(&sm.hdr, 3));
    CHECK(space_obj_lookup(d, 0x106) == cap_make(&pt.hdr, 7));
    CHECK(space_obj_lookup(d, 0x104) == CAP0 && space_obj_lookup(d, 0x107) == CAP0);
    CHECK(sm.hdr.refs == 2 && pt.hdr.refs == 2);
    CHECK(space_obj_delegate(s, d, 6, 0x106, 1, 0x2) == SUCCESS);    /* mask to CALL */
    CHECK(cap_perms(space_obj_lookup(d, 0x106)) == 0x2 && pt.hdr.refs == 2);
    CHECK(space_obj_delegate(s, d, 5, 0x105, 1, 0x4) == SUCCESS);    /* 3 & 4 = 0 */
    CHECK(space_obj_lookup(d, 0x105) == CAP0 && sm.hdr.refs == 1);
    CHECK(space_obj_delegate(s, d, 0x40, 0x106, 1, 0x1F) == SUCCESS); /* null source */
    CHECK(space_obj_lookup(d, 0x106) == CAP0 && pt.hdr.refs == 1);

    /* Ranges past the last selector. */
    CHECK(space_obj_delegate(s, d, SEL_NUM - 2, 0, 4, 0x1F) == BAD_PAR);
    CHECK(space_obj_delegate(s, d, 0, SEL_NUM - 1, 2, 0x1F) == BAD_PAR);

    /* MEM_CAP is partial: with room for exactly one more leaf, a range
     * crossing into a second leaf stores its first part only. */
    struct pd poor = {.quota = {.limit = 0}};
    struct space_obj *p = space_obj_create(&other);   /* charged to other */
    p->pd = &poor;                                     /* leaves go to poor */
    poor.quota.limit = FRAME_SIZE;
    CHECK(space_obj_delegate(s, p, 4, 0x1FE, 4, 0x1F) == MEM_CAP);
    CHECK(space_obj_lookup(p, 0x1FF) == cap_make(&sm.hdr, 3));     /* slot 5 -> 0x1FF */
    CHECK(space_obj_lookup(p, 0x200) == CAP0 && space_obj_lookup(p, 0x201) == CAP0);
    CHECK(poor.quota.used == FRAME_SIZE);
    /* Revoking needs no storage even when the PD is out of quota. */
    CHECK(space_obj_delegate(s, p, 0x40, 0x1FE, 2, 0x1F) == SUCCESS);
    CHECK(space_obj_lookup(p, 0x1FF) == CAP0);

    /* The last reference destroys, exactly once. */
    destroyed = 0;
    CHECK(space_obj_store(s, 5, CAP0) == SUCCESS && sm.hdr.refs == 0 && destroyed == 1);
    CHECK(space_obj_store(s, 6, CAP0) == SUCCESS && pt.hdr.refs == 0 && destroyed == 2);

    /* A space's destruction drops its capabilities and returns its memory. */
    CHECK(space_obj_store(d, 9, cap_make(&pt.hdr, 1)) == SUCCESS && pt.hdr.refs == 1);
    kobj_get(&d->hdr);
    uint64_t before = other.quota.used;
    kobj_put(&d->hdr);
    CHECK(pt.hdr.refs == 0 && destroyed == 3);
    CHECK(other.quota.used < before);
    free(mem);
    return CHECK_DONE();
}
