/* The root monitor: a local EC of the root PD whose portals fill the event
 * selectors 0 .. SEL_HST/ARCH + SEL_HST/NOVA - 1. Every root-PD EC that
 * libnova creates with SEL_EVT 0, and the root EC itself (SEL_EVT 0 by
 * spec), sends its events there. The monitor
 *  - answers STARTUP of libnova threads with their entry IP,
 *  - counts RECALLs and resumes,
 *  - resumes an expected exception past the instruction (nova_exc_expect),
 *  - moves a faulted root EC into its innermost nova_try_run frame,
 *  - kills (POISON) anything else, e.g. a handler EC that faulted, so its
 *    caller gets ABORTED instead of hanging. */
#pragma once
#include <stdbool.h>
#include "libnova/try.h"

/* Creates the monitor EC and its portals; returns the first failing status. */
unsigned nova_monitor_start(void);
bool nova_monitor_active(void);

/* One shot: the next exception with this event number, from any EC using
 * the monitor, is recorded and resumed skip bytes past the faulting IP. */
void nova_exc_expect(unsigned event, unsigned skip);
/* Disarms; true (and *exc filled) if the expected exception was taken. */
bool nova_exc_taken(struct nova_exc *exc);

/* Event counters (monotonic). */
extern volatile unsigned nova_monitor_recalls;   /* RECALL events */
extern volatile unsigned nova_monitor_kills;     /* ECs killed with POISON */
extern volatile unsigned nova_monitor_startups;  /* STARTUPs answered */
extern struct nova_exc nova_monitor_last;        /* the last exception seen */
