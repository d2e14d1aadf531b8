/* Deadlines of ECs blocked with a timeout, in STC ticks. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct ec;

void timeout_add(struct ec *ec, uint64_t deadline);
void timeout_remove(struct ec *ec);
struct percpu;

/* Wakes every EC of cpu whose deadline is at or before now (TIMEOUT). */
void timeout_fire(struct percpu *cpu, uint64_t now);
/* The earliest deadline on cpu (TIMER_NONE when there is none). */
uint64_t timeout_next(const struct percpu *cpu);
