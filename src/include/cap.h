/* Capabilities: an object pointer with permissions in bits 4..0. A
 * capability whose permissions are all clear is CAP0 (interface §2.1). */
#pragma once
#include <stdint.h>
#include "kobj.h"

typedef uintptr_t cap_t;

#define CAP0 ((cap_t)0)
#define CAP_PERM_MASK 0x1Fu

/* Object capability permissions (interface §2.2). */
enum {
    PERM_SPACE_GRANT = 1u << 0,
    PERM_SPACE_TAKE = 1u << 1,
    PERM_SPACE_ASSIGN = 1u << 2,

    PERM_PD_PD = 1u << 0,
    PERM_PD_EC = 1u << 1,
    PERM_PD_SC = 1u << 2,
    PERM_PD_PT = 1u << 3,
    PERM_PD_SM = 1u << 4,

    PERM_EC_CTRL = 1u << 0,
    PERM_EC_BIND_PT = 1u << 2,
    PERM_EC_BIND_SC = 1u << 3,

    PERM_SC_CTRL = 1u << 0,

    PERM_PT_CTRL = 1u << 0,
    PERM_PT_CALL = 1u << 1,
    PERM_PT_EVENT = 1u << 2,

    PERM_SM_UP = 1u << 0,
    PERM_SM_DN = 1u << 1,
    PERM_SM_ASSIGN = 1u << 4,
};

/* "All defined" masks per object type (interface §7). */
#define PERMS_OBJ_HST 0x03u
#define PERMS_GST_DMA 0x05u
#define PERMS_PIO_MSR 0x07u
#define PERMS_PD 0x1Fu
#define PERMS_EC 0x0Du
#define PERMS_SC 0x01u
#define PERMS_PT 0x07u
#define PERMS_SM 0x03u
#define PERMS_SM_INTERRUPT 0x12u

static inline cap_t cap_make(struct kobj *o, unsigned perms)
{
    perms &= CAP_PERM_MASK;
    return o && perms ? (cap_t)o | perms : CAP0;
}

static inline struct kobj *cap_obj(cap_t c) { return (struct kobj *)(c & ~(cap_t)CAP_PERM_MASK); }
static inline unsigned cap_perms(cap_t c) { return (unsigned)(c & CAP_PERM_MASK); }

/* The object if c names one of type t with every permission in need.
 * A capability with a permission names an object (cap_make): with need
 * set, the permission test covers o != NULL. */
static inline struct kobj *cap_check(cap_t c, enum kobj_type t, unsigned need)
{
    struct kobj *o = cap_obj(c);
    if (need ? (cap_perms(c) & need) != need : !o)
        return 0;
    return o->type == t ? o : 0;
}
