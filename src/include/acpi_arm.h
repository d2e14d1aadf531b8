/* ACPI tables of Arm systems (portable, host-tested): the MADT's GIC
 * structures (distributor, one GICC per CPU, redistributor ranges, ITSs),
 * SPCR (console), GTDT (the EL2 timer's interrupt) and the FADT's Arm boot
 * flags (PSCI and its conduit). Read through acpi_table(): every table is
 * verified before use, every structure bounded by its table. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "bootinfo.h"

#define ACPI_ARM_MAX_CPUS 64
#define ACPI_ARM_MAX_GICR 8
#define ACPI_ARM_MAX_ITS 8

/* SPCR interface types this kernel can drive. */
enum { SPCR_16550 = 0x00, SPCR_PL011 = 0x03, SPCR_SBSA_32 = 0x0d, SPCR_SBSA = 0x0e,
       SPCR_16550_GAS = 0x12 };

struct acpi_gicc {
    uint64_t mpidr;         /* Aff3 in bits 39..32, Aff2..Aff0 in 23..0 */
    uint64_t gicc, gich;    /* v2: CPU and hypervisor interface (0: none) */
    uint64_t gicr;          /* v3: this CPU's redistributor (0: see gicr ranges) */
    uint32_t uid;           /* ACPI processor UID */
};

struct acpi_gicr_range {
    uint64_t base;
    uint32_t length;
};

struct acpi_arm {
    /* MADT */
    uint8_t gic_version;    /* GICD's field: 1..4, 0 = "find out from the hardware" */
    uint64_t gicd;
    unsigned cpus;          /* enabled GICC entries (online-capable ones are left off) */
    struct acpi_gicc cpu[ACPI_ARM_MAX_CPUS];
    unsigned gicr_ranges;
    struct acpi_gicr_range gicr[ACPI_ARM_MAX_GICR];
    /* GIC ITS structures: recorded for the ITS driver, not used here. */
    unsigned its_count;
    uint64_t its_base[ACPI_ARM_MAX_ITS];
    /* SPCR (has_spcr false: no table) */
    bool has_spcr;
    uint8_t spcr_type;      /* SPCR_* (others are reported, not driven) */
    uint8_t spcr_access;    /* GAS access size: 1 byte .. 4 qword, 0 undefined */
    uint64_t spcr_base;
    /* GTDT */
    bool has_gtdt;
    uint32_t el2_timer_gsiv;
    /* FADT Arm boot flags */
    bool has_fadt, psci, psci_hvc;
};

/* Parses the Arm tables below the RSDP at rsdp; NULL or the reason. The
 * MADT is required (a GIC distributor and at least one enabled CPU; on
 * GICv3 a redistributor for every CPU); SPCR, GTDT and FADT are optional,
 * but when present they must hold the fields read. */
boot_error acpi_arm_parse(uint64_t rsdp, phys_reader *read, struct acpi_arm *out);
