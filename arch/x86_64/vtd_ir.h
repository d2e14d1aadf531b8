/* VT-d interrupt remapping: with a DMAR whose units all remap interrupts,
 * every interrupt (MSIs and I/O APIC pins) goes through one remapping
 * table indexed by the interrupt's index, and an MSI entry accepts only
 * the source ID (PCI BDF) assign_int named. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "acpi_dmar.h"

/* The DMAR read at boot (present false without one). */
extern struct acpi_dmar acpi_dmar;

/* Turns interrupt remapping on when the DMAR allows it (kernel memory
 * needed: after kmem is up, before any interrupt is unmasked); prints what
 * it found. Without a DMAR nothing changes. */
void vtd_ir_init(void);
bool vtd_ir_active(void);

/* Points remapping entry `index` at `vector` on the LAPIC `apic_id`
 * (edge or level), accepting only requests from source ID `sid`, or from
 * any source for sid < 0; masked = not present (a request is dropped).
 * Waits until every unit has dropped its cached copy. */
void vtd_ir_route(unsigned index, uint32_t apic_id, uint8_t vector, bool level, bool masked,
                  int sid);

/* The remappable-format MSI address naming entry `index` (data: 0, the
 * subhandle). */
uint32_t vtd_ir_msi_addr(unsigned index);

/* The source ID of I/O APIC `id` from the DMAR, or -1 when it has none. */
int vtd_ir_ioapic_sid(uint8_t id);

/* Whether pa lies in a remapping unit's registers (never the root's). */
bool vtd_phys_protected(uint64_t pa);
