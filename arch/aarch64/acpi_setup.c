/* ACPI at boot on aarch64: tables are mapped as memory on demand (they
 * lie in ACPI reclaim memory, which is not mapped as usable RAM), parsed
 * by src/acpi_arm.c, and the SPCR console replaces the board's. */
#include "acpi_setup.h"
#include "aarch64.h"
#include "arch.h"
#include "bootinfo.h"
#include "console.h"
#include "panic.h"

static struct acpi_arm tables;
static bool present;

static const void *map_and_read(uint64_t pa, uint64_t len)
{
    if (!len || pa + len < pa || !mmu_map(pa, len, MEM_NORMAL))
        return 0;
    return arch_phys_map(pa, len);
}

static enum uart_kind spcr_uart(uint8_t type, uint8_t *reg_shift)
{
    *reg_shift = 0;
    switch (type) {
    case SPCR_PL011:
    case SPCR_SBSA:
    case SPCR_SBSA_32:
        return UART_PL011;
    case SPCR_16550:
    case SPCR_16550_GAS:
        *reg_shift = tables.spcr_access == 3 ? 2 : 0;   /* dword access: stride 4 */
        return UART_8250;
    default:
        return UART_NONE;
    }
}

static void console_from_spcr(void)
{
    if (!tables.has_spcr || tables.spcr_base == console_uart()->base)
        return;
    struct board_uart u = board.uart;
    u.kind = spcr_uart(tables.spcr_type, &u.reg_shift);
    u.base = tables.spcr_base;
    if (u.kind == UART_NONE || !mmu_map(u.base, 1, MEM_DEVICE)) {
        kprintf("acpi: SPCR console (type %u) at 0x%lx is not usable; staying on 0x%lx\n",
                tables.spcr_type, (unsigned long)u.base, (unsigned long)console_uart()->base);
        return;
    }
    kprintf("acpi: console moves to %s UART at 0x%lx (SPCR)\n", uart_kind_name(u.kind),
            (unsigned long)u.base);
    arch_console_flush();
    console_uart_use(&u);
}

void acpi_setup(const struct bootinfo *bi)
{
    if (!bi->acpi_rsdp)
        return;
    boot_error err = acpi_arm_parse(bi->acpi_rsdp, map_and_read, &tables);
    if (err)
        panic("boot: bad ACPI tables: %s", err);
    present = true;
    kprintf("acpi: RSDP 0x%lx, GICD v%u 0x%lx, %u CPU%s, %u GICR range%s, %u ITS, SPCR %s, "
            "GTDT %s, PSCI %s\n", (unsigned long)bi->acpi_rsdp, tables.gic_version,
            (unsigned long)tables.gicd, tables.cpus, tables.cpus == 1 ? "" : "s",
            tables.gicr_ranges, tables.gicr_ranges == 1 ? "" : "s", tables.its_count,
            tables.has_spcr ? "yes" : "no", tables.has_gtdt ? "yes" : "no",
            !tables.has_fadt ? "unknown (no FADT)" : !tables.psci ? "no"
                : tables.psci_hvc ? "HVC (unusable from EL2)" : "SMC");
    console_from_spcr();
}

const struct acpi_arm *acpi_tables(void)
{
    return present ? &tables : 0;
}
