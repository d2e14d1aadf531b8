/* Interrupt semaphores (interface §4.17, §5.5): one SM per interrupt in
 * the NOVA object space at 0x10000 + index; an interrupt is an "up", a
 * "down" first deactivates it (a level interrupt is unmasked again). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "status.h"

struct sm;
struct ec;

#define SEL_INT_SM_BASE 0x10000u

/* The architecture's interrupt controller (x86: I/O APIC pins). */
unsigned arch_int_pins(void);
/* Routes pin index to cpu with the given mode; false when it cannot. */
bool arch_int_assign(unsigned index, unsigned cpu, bool masked, bool level, bool active_low);
/* A level interrupt was delivered and masked: unmask it again. */
void arch_int_unmask(unsigned index);
/* MSIs (weak default: none): their count, and routing index (>= the
 * pins) to cpu, giving the address and data the device must write. */
unsigned arch_int_msis(void);
bool arch_int_msi(unsigned index, unsigned cpu, bool masked, uint32_t *addr, uint16_t *data);

/* The interrupt SMs, created with the NOVA object space. */
void intr_init(void);
struct sm *intr_sm(unsigned index);
/* An interrupt arrived (the arch has EOI'd it and masked a level one). */
void intr_raise(unsigned index);
/* assign_int on sm; out: msi address and data (0 for pins). */
enum status intr_assign(struct sm *sm, unsigned cpu, unsigned flags, uint32_t *msi_addr,
                        uint16_t *msi_data);
/* Called before a down on an interrupt SM: BAD_CPU from another CPU. */
enum status intr_before_down(struct sm *sm, const struct ec *ec);
