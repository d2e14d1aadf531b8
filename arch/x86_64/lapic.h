/* The local APIC: the per-CPU timer (TSC-deadline mode) and EOIs. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define VEC_TIMER 0x20
#define VEC_SPURIOUS 0xFF

/* Enables the LAPIC; false (with a reason printed) when unusable. */
bool lapic_init(void);
void lapic_eoi(void);
