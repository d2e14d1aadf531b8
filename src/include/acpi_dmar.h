/* The ACPI DMAR table (Intel VT-d, portable, host-tested): the remapping
 * hardware units (DRHD: register base, segment, INCLUDE_PCI_ALL) and the
 * device scopes that name interrupt sources outside PCI enumeration
 * (I/O APICs and HPETs, with the source ID their interrupts carry). Read
 * through acpi_table(): verified before use, every structure and scope
 * bounded by its container. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "bootinfo.h"

#define ACPI_DMAR_MAX_UNITS 8
#define ACPI_DMAR_MAX_SOURCES 16

enum { DMAR_INTR_REMAP = 1, DMAR_X2APIC_OPT_OUT = 2 };     /* table flags */
enum { DRHD_INCLUDE_PCI_ALL = 1 };                         /* unit flags */
enum { DMAR_SCOPE_IOAPIC = 3, DMAR_SCOPE_HPET = 4 };       /* device scope types */

struct acpi_drhd {
    uint64_t base;          /* register set, page-aligned */
    uint32_t pages;         /* its size in 4 KiB pages (Size field, 2^N) */
    uint16_t segment;
    uint8_t flags;          /* DRHD_INCLUDE_PCI_ALL */
};

/* An I/O APIC or HPET behind a unit: the ID its own table gives it
 * (MADT I/O APIC ID, HPET number) and the source ID of its interrupts. */
struct acpi_dmar_source {
    uint8_t type;           /* DMAR_SCOPE_IOAPIC or DMAR_SCOPE_HPET */
    uint8_t id;             /* enumeration ID */
    uint8_t unit;           /* index into drhd[] */
    uint16_t sid;           /* bus << 8 | device << 3 | function */
};

struct acpi_dmar {
    bool present;
    uint8_t haw;            /* host address width: bits - 1 */
    uint8_t flags;          /* DMAR_INTR_REMAP, DMAR_X2APIC_OPT_OUT */
    unsigned units;
    struct acpi_drhd drhd[ACPI_DMAR_MAX_UNITS];
    unsigned sources;
    struct acpi_dmar_source source[ACPI_DMAR_MAX_SOURCES];
};

/* Parses the DMAR below the RSDP at rsdp; none is fine (present false).
 * NULL or the reason. A DMAR must list at least one unit; a unit or an
 * I/O APIC/HPET scope beyond the limits above is refused rather than
 * dropped (every unit's registers must be known to protect them). */
boot_error acpi_dmar_parse(uint64_t rsdp, phys_reader *read, struct acpi_dmar *out);

/* The source ID of the I/O APIC or HPET with this type and ID; false when
 * the DMAR names none. */
bool acpi_dmar_source_id(const struct acpi_dmar *d, uint8_t type, uint8_t id, uint16_t *sid);
