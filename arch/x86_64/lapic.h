/* The local APIC: the per-CPU timer (TSC-deadline mode) and EOIs. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define VEC_TIMER 0x20
#define VEC_RESCHED 0xF1
#define VEC_SPURIOUS 0xFF

/* Enables the LAPIC; false (with a reason printed) when unusable. */
bool lapic_init(void);
void lapic_eoi(void);
/* This CPU's APIC ID. */
uint32_t lapic_id(void);
/* Sends an IPI: icr_low holds vector and delivery mode; waits until the
 * LAPIC has accepted it. */
void lapic_ipi(uint32_t apic_id, uint32_t icr_low);
