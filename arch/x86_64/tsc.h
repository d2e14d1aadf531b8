/* The time stamp counter's frequency, measured at boot. */
#pragma once
#include <stdint.h>

extern uint64_t tsc_hz;

/* Measures the TSC against PIT channel 2 (10 ms window). */
void tsc_calibrate(void);
