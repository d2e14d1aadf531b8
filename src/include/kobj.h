/* Kernel objects: every object a capability can name starts with this
 * header and is 32-byte aligned, so a capability is one word: the object
 * pointer with the 5 permission bits in its low bits (interface §2.1). */
#pragma once
#include <stdint.h>

enum kobj_type {
    KOBJ_NONE,
    KOBJ_PD,
    KOBJ_EC,
    KOBJ_SC,
    KOBJ_PT,
    KOBJ_SM,
    KOBJ_SPACE_OBJ,
    KOBJ_SPACE_HST,
    KOBJ_SPACE_GST,
    KOBJ_SPACE_DMA,
    KOBJ_SPACE_PIO,
    KOBJ_SPACE_MSR,
};

struct pd;

struct kobj {
    uint8_t type;
    uint8_t flags;
    uint16_t reserved;
    uint32_t refs;          /* capabilities and kernel references */
    struct pd *owner;       /* charged for the object's memory */
    void (*destroy)(struct kobj *);
};

/* Takes a reference. */
static inline __attribute__((always_inline)) void kobj_get(struct kobj *o) { o->refs++; }
/* Destroys an object whose last reference went away. */
void kobj_destroy(struct kobj *o);

/* Drops n references; the last one destroys the object. */
static inline __attribute__((always_inline)) void kobj_put_n(struct kobj *o, uint32_t n)
{
    o->refs -= n;
    if (__builtin_expect(o->refs == 0, 0))
        kobj_destroy(o);
}

/* Drops a reference; the last one destroys the object. */
static inline __attribute__((always_inline)) void kobj_put(struct kobj *o) { kobj_put_n(o, 1); }
