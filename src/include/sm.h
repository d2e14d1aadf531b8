/* Semaphores (interface §4.15): a counter and a FIFO of blocked ECs. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kobj.h"
#include "status.h"

struct ec;

struct sm {
    struct kobj hdr;
    uint64_t counter;
    struct ec *head, *tail;       /* waiters, oldest first */
    bool interrupt;               /* an interrupt SM (src/intr.c) */
    bool level, masked;           /* its mode as assigned */
    unsigned index, cpu;          /* interrupt index, routed CPU */
};

struct sm *sm_create(struct pd *owner, uint64_t counter);
/* up: release the oldest waiter or count; OVRFLOW at 2^64-1. */
enum status sm_up(struct sm *sm);
/* down for the current EC: returns SUCCESS at once or blocks (does not
 * return then); a deadline already passed gives TIMEOUT. */
enum status sm_down(struct sm *sm, struct ec *ec, bool zero, uint64_t deadline);
/* Removes ec from the queue it waits in (timeout, kill). */
void sm_dequeue(struct sm *sm, struct ec *ec);
/* The deadline of a blocked down passed: ec resumes with TIMEOUT. */
void sm_timeout(struct ec *ec);
