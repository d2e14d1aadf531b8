#pragma once
#include <stdint.h>
#include "acpi.h"

extern struct acpi_info acpi;

/* Finds (unless the loader named one) and parses the ACPI tables, then
 * sets up the I/O APICs; returns the RSDP used. Panics with the reason
 * when the tables are missing or malformed. */
uint64_t acpi_setup(uint64_t rsdp_hint);
