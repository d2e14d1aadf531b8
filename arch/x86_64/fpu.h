#pragma once
#include <stdbool.h>
#include "cpu_local.h"

struct ec;

void fpu_set_ts(bool on);

/* Sets CR0.TS unless next owns this CPU's FPU state; CR0 is written only
 * when that changes. */
static inline __attribute__((always_inline)) void fpu_switch(const struct ec *next)
{
    const struct cpu_local *c = cpu_self();
    if ((next != c->fpu_owner) != c->fpu_ts_set)
        fpu_set_ts(next != c->fpu_owner);
}
/* #NM from user mode: gives ec the FPU if it may use it (F=1). */
bool fpu_claim(struct ec *ec);
/* ec goes away: its state need not be saved. */
void fpu_forget(const struct ec *ec);
