/* ACPI tables of Arm systems: MADT GIC structures, SPCR, GTDT, FADT boot
 * flags. Offsets are those of ACPI 6.5 (GICC from 5.1 on: 76 bytes, the
 * later fields after MPIDR are not read). */
#include "acpi.h"
#include "acpi_arm.h"
#include <string.h>

enum { SDT_HEADER = 36, MADT_FIXED = SDT_HEADER + 8 };
enum { MADT_GICC = 0x0b, MADT_GICD = 0x0c, MADT_GICR = 0x0e, MADT_ITS = 0x0f };
enum { GICC_LEN = 76, GICD_LEN = 24, GICR_LEN = 16, ITS_LEN = 20, GICC_ENABLED = 1 };
enum { SPCR_MIN = 52, GTDT_MIN = 80, FADT_MIN = 131, FADT_ARM_BOOT = 129 };
enum { ARM_PSCI_COMPLIANT = 1, ARM_PSCI_USE_HVC = 2 };

static uint32_t le32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t le64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static uint8_t min_len(uint8_t type)
{
    switch (type) {
    case MADT_GICC: return GICC_LEN;
    case MADT_GICD: return GICD_LEN;
    case MADT_GICR: return GICR_LEN;
    case MADT_ITS: return ITS_LEN;
    default: return 2;
    }
}

static boot_error gic_entry(const uint8_t *e, struct acpi_arm *a, bool *have_gicd)
{
    switch (e[0]) {
    case MADT_GICC:
        if ((le32(e + 12) & GICC_ENABLED) && a->cpus < ACPI_ARM_MAX_CPUS)
            a->cpu[a->cpus++] = (struct acpi_gicc){.mpidr = le64(e + 68) & 0xff00ffffffull,
                                                   .gicc = le64(e + 32), .gich = le64(e + 48),
                                                   .gicr = le64(e + 60), .uid = le32(e + 8)};
        return 0;
    case MADT_GICD:
        if (*have_gicd)
            return "ACPI MADT has more than one GIC distributor";
        *have_gicd = true;
        a->gicd = le64(e + 8);
        a->gic_version = e[20];
        return 0;
    case MADT_GICR:
        if (a->gicr_ranges < ACPI_ARM_MAX_GICR)
            a->gicr[a->gicr_ranges++] = (struct acpi_gicr_range){le64(e + 4), le32(e + 12)};
        return 0;
    case MADT_ITS:
        if (a->its_count < ACPI_ARM_MAX_ITS)
            a->its_base[a->its_count++] = le64(e + 8);
        return 0;
    default:
        return 0;       /* GIC MSI frames and other types are not used */
    }
}

static boot_error madt(const uint8_t *t, uint32_t len, struct acpi_arm *a)
{
    if (len < MADT_FIXED)
        return "ACPI MADT is truncated";
    bool have_gicd = false;
    for (uint32_t off = MADT_FIXED; off < len;) {
        if (len - off < 2 || t[off + 1] < 2 || t[off + 1] > len - off)
            return "ACPI MADT entry runs past the table";
        if (t[off + 1] < min_len(t[off]))
            return "ACPI MADT entry is shorter than its type";
        boot_error err = gic_entry(t + off, a, &have_gicd);
        if (err)
            return err;
        off += t[off + 1];
    }
    if (!have_gicd)
        return "ACPI MADT has no GIC distributor";
    if (!a->cpus)
        return "ACPI MADT lists no usable CPU";
    if (a->gic_version >= 3 && !a->gicr_ranges)
        for (unsigned i = 0; i < a->cpus; i++)
            if (!a->cpu[i].gicr)
                return "ACPI MADT gives a GICv3 CPU no redistributor";
    return 0;
}

static boot_error spcr(const uint8_t *t, uint32_t len, struct acpi_arm *a)
{
    if (len < SPCR_MIN)
        return "ACPI SPCR is truncated";
    if (t[40] != 0)
        return "ACPI SPCR console is not memory-mapped";
    a->has_spcr = true;
    a->spcr_type = t[36];
    a->spcr_access = t[43];
    a->spcr_base = le64(t + 44);
    return 0;
}

static boot_error gtdt(const uint8_t *t, uint32_t len, struct acpi_arm *a)
{
    if (len < GTDT_MIN)
        return "ACPI GTDT is truncated";
    a->has_gtdt = true;
    a->el2_timer_gsiv = le32(t + 72);
    return 0;
}

static boot_error fadt(const uint8_t *t, uint32_t len, struct acpi_arm *a)
{
    if (len < FADT_MIN)
        return "ACPI FADT is too short for the Arm boot flags";
    uint16_t flags = (uint16_t)(t[FADT_ARM_BOOT] | t[FADT_ARM_BOOT + 1] << 8);
    a->has_fadt = true;
    a->psci = flags & ARM_PSCI_COMPLIANT;
    a->psci_hvc = flags & ARM_PSCI_USE_HVC;
    return 0;
}

boot_error acpi_arm_parse(uint64_t rsdp, phys_reader *read, struct acpi_arm *a)
{
    static const struct {
        char sig[5];
        bool required;
        boot_error (*parse)(const uint8_t *, uint32_t, struct acpi_arm *);
    } tables[] = {{"APIC", true, madt}, {"SPCR", false, spcr}, {"GTDT", false, gtdt},
                  {"FACP", false, fadt}};
    *a = (struct acpi_arm){0};
    for (unsigned i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        const uint8_t *t;
        uint32_t len;
        boot_error err = acpi_table(rsdp, read, tables[i].sig, &t, &len);
        if (err)
            return err;
        if (!t && tables[i].required)
            return "ACPI has no MADT";
        if (t && (err = tables[i].parse(t, len, a)))
            return err;
    }
    return 0;
}
