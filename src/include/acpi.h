/* ACPI tables the kernel needs (portable, host-tested): the RSDP, the
 * RSDT/XSDT and the MADT (CPUs, I/O APICs, ISA interrupt overrides). Every
 * table is read through a phys_reader and checked (signature, length,
 * checksum) before use. */
#pragma once
#include <stdint.h>
#include "bootinfo.h"

#define ACPI_MAX_CPUS 64
#define ACPI_MAX_IOAPICS 8
#define ACPI_MAX_OVERRIDES 16

struct acpi_ioapic {
    uint64_t addr;
    uint32_t gsi_base;
    uint8_t id;
};

struct acpi_override {
    uint8_t irq;            /* ISA IRQ */
    uint32_t gsi;
    uint16_t flags;         /* MPS INTI: polarity bits 1..0, trigger bits 3..2 */
};

struct acpi_info {
    uint64_t rsdp;
    uint64_t lapic_addr;
    unsigned cpus;
    uint32_t apic_id[ACPI_MAX_CPUS];
    unsigned ioapics;
    struct acpi_ioapic ioapic[ACPI_MAX_IOAPICS];
    unsigned overrides;
    struct acpi_override override[ACPI_MAX_OVERRIDES];
};

/* Finds the RSDP the BIOS way: the first KiB of the EBDA, then
 * 0xE0000..0xFFFFF on 16-byte boundaries; 0 when there is none. */
uint64_t acpi_find_rsdp(phys_reader *read);

/* The table with signature sig below the RSDP at rsdp, verified (length,
 * checksum) in *out and *len, or *out = NULL when there is none. An error for a
 * bad RSDP, root table or the table itself. */
boot_error acpi_table(uint64_t rsdp, phys_reader *read, const char *sig, const uint8_t **out,
                      uint32_t *len);

/* Parses the tables below the RSDP at rsdp into out; NULL or the reason. */
boot_error acpi_parse(uint64_t rsdp, phys_reader *read, struct acpi_info *out);

/* The GSI and MPS INTI flags of ISA IRQ irq (identity unless overridden). */
uint32_t acpi_isa_gsi(const struct acpi_info *ai, uint8_t irq, uint16_t *flags);
