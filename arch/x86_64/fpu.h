#pragma once
#include <stdbool.h>

struct ec;

/* Sets CR0.TS unless next owns the FPU state. */
void fpu_switch(const struct ec *next);
/* #NM from user mode: gives ec the FPU if it may use it (F=1). */
bool fpu_claim(struct ec *ec);
/* ec goes away: its state need not be saved. */
void fpu_forget(const struct ec *ec);
