#pragma once
#include <stdint.h>
#include "acpi.h"
#include "percpu.h"

/* APIC IDs of the online CPUs, by CPU number. */
extern uint32_t cpu_apic_id[CPUS_MAX];

/* Starts every enabled CPU of the MADT (INIT, SIPI, SIPI) and sets
 * cpu_count to the CPUs that came up. */
void smp_boot(const struct acpi_info *ai);
