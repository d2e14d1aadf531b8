/* The scheduler: fixed priorities, FIFO within a priority, per CPU. An
 * SC runs the EC at the end of its donation chain (caller -> callee). */
#pragma once
#include "sc.h"

void sched_ready(struct sc *sc);
void sched_unready(struct sc *sc);
/* The SC running on this CPU. */
struct sc *sched_current(void);
/* ec blocks: its SC stops and is remembered (with a reference, so it
 * outlives its capabilities until the EC wakes). */
void sched_block(struct ec *ec);
/* Wakes a blocked EC: its remembered SC is ready again. */
void sched_wake(struct ec *ec);
/* sc goes away: stop accounting to it. */
void sched_forget(struct sc *sc);
/* Picks the best ready SC and resumes its active EC; with nothing ready,
 * idles until an interrupt makes something ready. */
_Noreturn void sched_dispatch(void);
/* The EC an SC would run: its EC, followed along the callee links. */
struct ec *sched_active_ec(struct sc *sc);
