/* Deadlines of ECs blocked with a timeout, in STC ticks. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct ec;

void timeout_add(struct ec *ec, uint64_t deadline);
void timeout_remove(struct ec *ec);
/* Wakes every EC whose deadline is at or before now (with TIMEOUT). */
void timeout_fire(uint64_t now);
bool timeout_pending(void);
/* The earliest deadline (TIMER_NONE when there is none). */
uint64_t timeout_next(void);
