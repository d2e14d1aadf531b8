/* ACPI at boot on x86: the MADT names the CPUs and I/O APICs, the DMAR
 * (if any) the VT-d units. */
#include "acpi_boot.h"
#include "arch.h"
#include "ioapic.h"
#include "panic.h"
#include "smp.h"
#include "vtd_ir.h"

struct acpi_info acpi;

uint64_t acpi_setup(uint64_t rsdp_hint)
{
    uint64_t rsdp = rsdp_hint ? rsdp_hint : acpi_find_rsdp(arch_phys_map);
    if (!rsdp)
        panic("boot: no ACPI RSDP found (x86 needs the MADT for its interrupt controllers)");
    boot_error err = acpi_parse(rsdp, arch_phys_map, &acpi);
    if (err)
        panic("boot: bad ACPI tables: %s", err);
    err = acpi_dmar_parse(rsdp, arch_phys_map, &acpi_dmar);
    if (err)
        panic("boot: bad ACPI DMAR (VT-d) table: %s", err);
    ioapic_init(&acpi);
    smp_boot(&acpi);
    return rsdp;
}
