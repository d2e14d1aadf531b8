/* ACPI DMAR: a QEMU-q35-like table (one INCLUDE_PCI_ALL unit with the I/O
 * APIC's scope) plus a second unit with an endpoint, an HPET and a bridged
 * I/O APIC scope, and a reserved-memory structure to step over; no DMAR at
 * all is fine; one defect at a time is refused with its reason; mutations
 * give any verdict but no bad read. */
#include "acpi.h"
#include "acpi_dmar.h"
#include "check.h"
#include "acpi_build.h"
#include "fake_phys.h"
#include "mutate.h"
#include <stdint.h>

enum { RSDP = 0x000, XSDT = 0x100, DMAR = 0x400 };
enum { UNIT0 = DMAR + 48, UNIT1 = UNIT0 + 24, RMRR = UNIT1 + 16 + 8 + 8 + 10, END = RMRR + 24 };

static uint32_t dmar_len = END - DMAR;

static void scope(size_t at, uint8_t type, uint8_t len, uint8_t id, uint8_t bus, uint8_t dev,
                  uint8_t fn)
{
    fake_phys[at] = type;
    fake_phys[at + 1] = len;
    fake_phys[at + 4] = id;
    fake_phys[at + 5] = bus;
    fake_phys[at + 6] = dev;
    fake_phys[at + 7] = fn;
}

static void unit(size_t at, uint16_t len, uint8_t flags, uint8_t size, uint16_t seg, uint64_t base)
{
    put16(at, 0);
    put16(at + 2, len);
    fake_phys[at + 4] = flags;
    fake_phys[at + 5] = size;
    put16(at + 6, seg);
    put64(at + 8, base);
}

static void build(bool with_dmar)
{
    memset(fake_phys, 0, sizeof fake_phys);
    header(DMAR, "DMAR", dmar_len);
    fake_phys[DMAR + 36] = 38;                          /* 39-bit host addresses */
    fake_phys[DMAR + 37] = DMAR_INTR_REMAP | DMAR_X2APIC_OPT_OUT;
    unit(UNIT0, 24, DRHD_INCLUDE_PCI_ALL, 0, 0, 0xFED90000);
    scope(UNIT0 + 16, DMAR_SCOPE_IOAPIC, 8, 0, 0xFF, 0x1F, 0);
    unit(UNIT1, 16 + 8 + 8 + 10, 0, 1, 1, 0xFED91000);
    scope(UNIT1 + 16, 1, 8, 0, 3, 2, 1);                /* a PCI endpoint: not kept */
    scope(UNIT1 + 24, DMAR_SCOPE_HPET, 8, 5, 0xF0, 0x0F, 7);
    scope(UNIT1 + 32, DMAR_SCOPE_IOAPIC, 10, 9, 0, 1, 0);   /* through a bridge: left out */
    fake_phys[UNIT1 + 40] = 2;
    put16(RMRR, 1);
    put16(RMRR + 2, 24);
    put64(RMRR + 8, 0xE0000);
    put64(RMRR + 16, 0xFFFFF);
    fix(DMAR, dmar_len, DMAR + 9);
    header(XSDT, "XSDT", with_dmar ? 44 : 36);
    put64(XSDT + 36, fake_pa(DMAR));
    fix(XSDT, with_dmar ? 44 : 36, XSDT + 9);
    memcpy(fake_phys + RSDP, "RSD PTR ", 8);
    fake_phys[RSDP + 15] = 2;
    put32(RSDP + 20, 36);
    put64(RSDP + 24, fake_pa(XSDT));
    fix(RSDP, 20, RSDP + 8);
    fix(RSDP, 36, RSDP + 32);
}

static boot_error parse(struct acpi_dmar *d)
{
    return acpi_dmar_parse(fake_pa(RSDP), fake_phys_read, d);
}

/* The DMAR changed at off to v, checksum fixed: the parser's verdict. */
static boot_error with(size_t off, uint8_t v, struct acpi_dmar *d)
{
    build(true);
    fake_phys[off] = v;
    fix(DMAR, dmar_len, DMAR + 9);
    return parse(d);
}

static void robustness(void)
{
    struct acpi_dmar d;
    fake_phys_exact = true;
    for (size_t i = DMAR; i < END; i++)
        for (size_t v = 0; v < sizeof mutate_values; v++) {
            (void)with(i, mutate_values[v], &d);
            fake_phys_release();
        }
    for (unsigned n = 0; n < 20000; n++) {
        build(true);
        mutate_random(fake_phys + DMAR, dmar_len);
        if (n & 1)
            fix(DMAR, dmar_len, DMAR + 9);
        uint16_t sid;
        if (!parse(&d))
            (void)acpi_dmar_source_id(&d, DMAR_SCOPE_IOAPIC, 0, &sid);
        fake_phys_release();
    }
    fake_phys_exact = false;
}

int main(void)
{
    struct acpi_dmar d;
    robustness();
    build(false);
    CHECK_ACCEPTS(parse(&d));
    CHECK(!d.present && !d.units);

    build(true);
    CHECK_ACCEPTS(parse(&d));
    CHECK(d.present && d.haw == 38 && d.flags == (DMAR_INTR_REMAP | DMAR_X2APIC_OPT_OUT));
    CHECK(d.units == 2);
    CHECK(d.drhd[0].base == 0xFED90000 && d.drhd[0].pages == 1 && d.drhd[0].segment == 0 &&
          d.drhd[0].flags == DRHD_INCLUDE_PCI_ALL);
    CHECK(d.drhd[1].base == 0xFED91000 && d.drhd[1].pages == 2 && d.drhd[1].segment == 1 &&
          d.drhd[1].flags == 0);
    CHECK(d.sources == 2);
    uint16_t sid = 0;
    CHECK(acpi_dmar_source_id(&d, DMAR_SCOPE_IOAPIC, 0, &sid) && sid == 0xFFF8);
    CHECK(d.source[0].unit == 0);
    CHECK(acpi_dmar_source_id(&d, DMAR_SCOPE_HPET, 5, &sid) && sid == 0xF07F);
    CHECK(d.source[1].unit == 1);
    CHECK(!acpi_dmar_source_id(&d, DMAR_SCOPE_IOAPIC, 9, &sid));     /* bridged */
    CHECK(!acpi_dmar_source_id(&d, DMAR_SCOPE_HPET, 0, &sid));

    build(true); fake_phys[DMAR + 20] ^= 1;
    CHECK_REJECTS(parse(&d), "checksum");
    build(true); put32(DMAR + 4, 40); fix(DMAR, 40, DMAR + 9);
    CHECK_REJECTS(parse(&d), "truncated");
    CHECK_REJECTS(with(UNIT0 + 2, 200, &d), "runs past the table");
    CHECK_REJECTS(with(UNIT0 + 2, 2, &d), "runs past the table");
    CHECK_REJECTS(with(UNIT0 + 2, 12, &d), "shorter than its type");
    CHECK_REJECTS(with(UNIT0 + 9, 0x01, &d), "not page-aligned");     /* base 0xFED90100 */
    CHECK_REJECTS(with(UNIT0 + 16 + 1, 30, &d), "runs past its unit");
    CHECK_REJECTS(with(UNIT0 + 16 + 1, 4, &d), "runs past its unit");
    CHECK_REJECTS(with(UNIT0 + 16 + 1, 7, &d), "partial path");
    CHECK_REJECTS(with(UNIT1 + 16 + 1, 6, &d), "no path");
    CHECK_REJECTS(with(UNIT0 + 16 + 6, 32, &d), "no PCI device");
    CHECK_REJECTS(with(UNIT0 + 16 + 7, 8, &d), "no PCI device");
    build(true); put64(UNIT1 + 8, 0xFFFFFFFFFFFFF000ull); fake_phys[UNIT1 + 5] = 1;
    fix(DMAR, dmar_len, DMAR + 9);
    CHECK_REJECTS(parse(&d), "wrap around");
    build(true); put16(UNIT0, 1); put16(UNIT1, 1); fix(DMAR, dmar_len, DMAR + 9);
    CHECK_REJECTS(parse(&d), "no remapping unit");

    /* More units than kept: refused, not dropped (their registers need protection). */
    build(true);
    size_t at = DMAR + 48;
    dmar_len = 48 + 16 * (ACPI_DMAR_MAX_UNITS + 1);
    for (unsigned i = 0; i <= ACPI_DMAR_MAX_UNITS; i++, at += 16)
        unit(at, 16, 0, 0, 0, 0xFED00000 + 0x1000 * i);
    header(DMAR, "DMAR", dmar_len);
    fix(DMAR, dmar_len, DMAR + 9);
    CHECK_REJECTS(parse(&d), "more remapping units");
    return CHECK_DONE();
}
