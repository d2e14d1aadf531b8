#pragma once
#include <stdbool.h>

struct ec;

extern struct ec *fpu_owner;
extern bool fpu_ts_set;
void fpu_set_ts(bool on);

/* Sets CR0.TS unless next owns the FPU state; CR0 is written only when
 * that changes. */
static inline __attribute__((always_inline)) void fpu_switch(const struct ec *next)
{
    if ((next != fpu_owner) != fpu_ts_set)
        fpu_set_ts(next != fpu_owner);
}
/* #NM from user mode: gives ec the FPU if it may use it (F=1). */
bool fpu_claim(struct ec *ec);
/* ec goes away: its state need not be saved. */
void fpu_forget(const struct ec *ec);
