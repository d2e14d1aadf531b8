/* ACPI on aarch64 (acpi_setup.c): the tables below the RSDP the boot
 * information carries, read once at boot; the GIC (gic_acpi.c), the CPU
 * list and PSCI conduit (cpus_acpi.c) and the console (SPCR) come from
 * them when present. */
#pragma once
#include <stdbool.h>
#include "acpi_arm.h"
#include "smp.h"

struct bootinfo;
struct gic_config;

/* Reads the tables (panics on bad ones) and moves the console to the
 * SPCR's UART; nothing without an RSDP. */
void acpi_setup(const struct bootinfo *bi);
/* The parsed tables, NULL when the boot had no ACPI. */
const struct acpi_arm *acpi_tables(void);

/* gic_acpi.c: fills c from the MADT and GTDT; false without ACPI. */
bool gic_from_acpi(struct gic_config *c);

/* cpus_acpi.c: the MADT's enabled CPUs and the FADT's PSCI conduit;
 * false without ACPI. */
bool cpus_from_acpi(struct smp_cpus *out);
