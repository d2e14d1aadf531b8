/* Scheduling contexts (interface §1.4): priority and time for an EC. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kobj.h"

struct ec;

#define SC_PRIORITIES 128

struct sc {
    struct kobj hdr;
    struct ec *ec;                /* bound for good */
    unsigned prio;
    unsigned cpu;
    uint64_t budget;              /* STC ticks */
    uint64_t left;                /* of the budget, until the next rotation */
    uint64_t consumed;            /* STC ticks */
    uint64_t last_start;          /* when it was last dispatched */
    struct sc *next, *prev;       /* ready queue */
    bool ready;
};

struct sc *sc_create(struct pd *owner, struct ec *ec, unsigned cpu, unsigned prio,
                     uint64_t budget_ms);
