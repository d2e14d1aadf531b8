#pragma once
#include <stdbool.h>
#include "acpi.h"

/* Interrupt vectors for GSIs: IRQ_VECTOR_BASE + GSI, below 0xF0. */
#define IRQ_VECTOR_BASE 0x30
#define IRQ_VECTORS (0xF0 - IRQ_VECTOR_BASE)

void ioapic_init(const struct acpi_info *ai);
/* A device interrupt (vector of a GSI): masks a level one, EOIs and ups
 * its semaphore; false for vectors that are not GSIs. */
bool x86_device_interrupt(unsigned vector);
