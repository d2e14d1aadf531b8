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
/* intr.c keeps the SM pointers in one frame: pins + MSIs at most. */
#define INTR_SMS_MAX 512u

/* The architecture's interrupt controller (x86: I/O APIC pins). */
unsigned arch_int_pins(void);
/* Routes pin index to cpu with the given mode; false when it cannot. */
bool arch_int_assign(unsigned index, unsigned cpu, bool masked, bool level, bool active_low);
/* A level interrupt was delivered and masked: unmask it again. */
void arch_int_unmask(unsigned index);
/* Interrupt controller state that needs kernel memory (aarch64: the ITS
 * and LPI tables), charged to the NOVA PD; before the HIP counts MSIs.
 * Weak default: nothing. */
void arch_int_init(void);
/* MSIs (weak default: none): their count, and routing index (>= the
 * pins) to cpu for device dev (assign_int's dev: x86 ignores it, the
 * GICv3 ITS lets only that DeviceID raise it), giving the address and
 * data the device must write. BAD_DEV: dev out of range; BAD_PAR:
 * index out of range or no usable address. */
unsigned arch_int_msis(void);
enum status arch_int_msi(unsigned index, unsigned cpu, unsigned dev, bool masked, uint32_t *addr,
                         uint16_t *data);

/* The interrupt SMs, created with the NOVA object space. */
void intr_init(void);
/* An interrupt arrived (the arch has EOI'd it and masked a level one). */
void intr_raise(unsigned index);
/* assign_int on sm for device dev; out: msi address and data (0 for
 * pins). The SM's routing changes only on SUCCESS. */
enum status intr_assign(struct sm *sm, unsigned cpu, unsigned dev, unsigned flags,
                        uint32_t *msi_addr, uint16_t *msi_data);
/* Called before a down on an interrupt SM: BAD_CPU from another CPU. */
enum status intr_before_down(struct sm *sm, const struct ec *ec);
