/* Small helpers shared by the hypercall handlers. */
#pragma once
#include "cap.h"
#include "ec.h"
#include "pd.h"

/* The object behind selector sel of the caller's object space if it has
 * type t and all permissions need; NULL otherwise (BAD_CAP). */
static inline __attribute__((always_inline)) void *sys_lookup(struct ec *cur, uint64_t sel, enum kobj_type t, unsigned need)
{
    return cap_check(space_obj_lookup(cur->obj, sel), t, need);
}

/* Whether sel of the caller's object space is CAP0 (and in range). */
static inline bool sys_sel_free(struct ec *cur, uint64_t sel)
{
    return sel < SEL_NUM && space_obj_lookup(cur->obj, sel) == CAP0;
}

/* Stores a new object's capability at sel; on failure the object goes
 * away again and the caller gets the status. */
_Noreturn void sys_publish(struct ec *cur, uint64_t sel, struct kobj *o, unsigned perms);

/* Number of CPUs the kernel runs. */
extern unsigned cpu_count;
