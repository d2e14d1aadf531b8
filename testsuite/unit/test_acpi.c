/* ACPI parsing: RSDP v1 (RSDT) and v2 (XSDT) paths, the MADT's CPUs, I/O
 * APICs and overrides, and one defect at a time being refused. */
#include "acpi.h"
#include "check.h"
#include "acpi_build.h"
#include "fake_phys.h"
#include "mutate.h"
#include <stdint.h>

enum { RSDP = 0x000, RSDT = 0x100, XSDT = 0x200, MADT = 0x400, OTHER = 0x300 };

static uint32_t madt_len;

static void build(int v2)
{
    memset(fake_phys, 0, sizeof fake_phys);
    /* MADT: LAPICs 0 and 1 (enabled), one disabled, an I/O APIC, IRQ0 -> GSI 2 */
    size_t m = MADT + 44;
    uint8_t lapic[3][8] = {{0, 8, 0, 0, 1}, {0, 8, 1, 1, 1}, {0, 8, 2, 7, 0}};
    for (int i = 0; i < 3; i++, m += 8)
        memcpy(fake_phys + m, lapic[i], 8);
    uint8_t io[12] = {1, 12, 9, 0};
    memcpy(fake_phys + m, io, 12);
    put32(m + 4, 0xFEC00000);
    put32(m + 8, 0);
    m += 12;
    uint8_t iso[10] = {2, 10, 0, 0, 2, 0, 0, 0, 0x0D, 0};
    memcpy(fake_phys + m, iso, 10);
    m += 10;
    madt_len = (uint32_t)(m - MADT);
    header(MADT, "APIC", madt_len);
    put32(MADT + 36, 0xFEE00000);
    fix(MADT, madt_len, MADT + 9);
    header(OTHER, "FACP", 36);
    fix(OTHER, 36, OTHER + 9);
    /* RSDT: FACP then APIC */
    header(RSDT, "RSDT", 44);
    put32(RSDT + 36, (uint32_t)fake_pa(OTHER));
    put32(RSDT + 40, (uint32_t)fake_pa(MADT));
    fix(RSDT, 44, RSDT + 9);
    header(XSDT, "XSDT", 52);
    put64(XSDT + 36, fake_pa(OTHER));
    put64(XSDT + 44, fake_pa(MADT));
    fix(XSDT, 52, XSDT + 9);
    memcpy(fake_phys + RSDP, "RSD PTR ", 8);
    put32(RSDP + 16, (uint32_t)fake_pa(RSDT));
    fake_phys[RSDP + 15] = v2 ? 2 : 0;
    fix(RSDP, 20, RSDP + 8);             /* v1 part first: the v2 sum covers it */
    if (v2) {
        put32(RSDP + 20, 36);
        put64(RSDP + 24, fake_pa(XSDT));
        fix(RSDP, 36, RSDP + 32);
    }
}

static boot_error parse(struct acpi_info *ai) { return acpi_parse(fake_pa(RSDP), fake_phys_read, ai); }

/* A reader covering the BIOS area, for the RSDP scan. */
static unsigned char bios[0x100000];
static const void *bios_read(uint64_t pa, uint64_t len)
{
    return pa + len <= sizeof bios ? bios + pa : NULL;
}

/* Each byte of the tables set to telling values (checksums fixed up so
 * the mutation reaches the parsing behind them) and random mutations with
 * and without the fix-up: any verdict, no bad read. */
static void refix(int v2)
{
    fix(MADT, madt_len, MADT + 9);
    fix(OTHER, 36, OTHER + 9);
    fix(RSDT, 44, RSDT + 9);
    fix(XSDT, 52, XSDT + 9);
    fix(RSDP, 20, RSDP + 8);
    if (v2)
        fix(RSDP, 36, RSDP + 32);
}

static void robustness(void)
{
    struct acpi_info ai;
    fake_phys_exact = true;
    size_t end = MADT + madt_len;
    for (int v2 = 0; v2 < 2; v2++) {
        for (size_t i = 0; i < end; i++)
            for (size_t v = 0; v < sizeof mutate_values; v++) {
                build(v2);
                fake_phys[i] = mutate_values[v];
                refix(v2);
                (void)parse(&ai);
                fake_phys_release();
            }
        /* Each table's length from 0 to 8 past its end, checksums fixed. */
        const size_t tables[] = {MADT, OTHER, RSDT, XSDT};
        for (unsigned t = 0; t < sizeof tables / sizeof *tables; t++)
            for (uint32_t len = 0; len < madt_len + 8; len++) {
                build(v2);
                put32(tables[t] + 4, len);
                if (len >= 10)
                    fix(tables[t], len, tables[t] + 9);
                (void)parse(&ai);
                fake_phys_release();
            }
        for (unsigned n = 0; n < 20000; n++) {
            build(v2);
            mutate_random(fake_phys, end);
            if (n & 1)
                refix(v2);
            if (!parse(&ai))
                for (uint8_t irq = 0; irq < 16; irq++) {
                    uint16_t flags;
                    (void)acpi_isa_gsi(&ai, irq, &flags);
                }
            fake_phys_release();
        }
    }
    fake_phys_exact = false;
}

int main(void)
{
    struct acpi_info ai;
    robustness();
    for (int v2 = 0; v2 < 2; v2++) {
        build(v2);
        CHECK_ACCEPTS(parse(&ai));
        CHECK(ai.cpus == 2 && ai.apic_id[0] == 0 && ai.apic_id[1] == 1);
        CHECK(ai.ioapics == 1 && ai.ioapic[0].addr == 0xFEC00000 && ai.ioapic[0].id == 9);
        CHECK(ai.lapic_addr == 0xFEE00000);
        uint16_t flags;
        CHECK(acpi_isa_gsi(&ai, 0, &flags) == 2 && flags == 0x0D);
        CHECK(acpi_isa_gsi(&ai, 4, &flags) == 4 && flags == 0);
    }
    build(0); fake_phys[RSDP + 3] ^= 1;          CHECK_REJECTS(parse(&ai), "RSDP");
    build(1); fake_phys[RSDP + 30] ^= 1;         CHECK_REJECTS(parse(&ai), "extended checksum");
    build(0); fake_phys[RSDT + 20] ^= 1;         CHECK_REJECTS(parse(&ai), "checksum");
    build(0); memcpy(fake_phys + RSDT, "XXXX", 4); fix(RSDT, 44, RSDT + 9);
    CHECK_REJECTS(parse(&ai), "unexpected signature");
    build(0); put32(RSDT + 4, 8);                CHECK_REJECTS(parse(&ai), "implausible length");
    build(0); put32(RSDT + 4, 0x10000000);       CHECK_REJECTS(parse(&ai), "implausible length");
    build(0); put32(RSDT + 36 + 4, 0xFFFF0000); fix(RSDT, 44, RSDT + 9);
    CHECK_REJECTS(parse(&ai), "no MADT");        /* MADT pointer unreadable */
    build(0); put32(MADT + 4, madt_len + 4000); fix(MADT, madt_len + 4000, MADT + 9);
    CHECK_REJECTS(parse(&ai), "runs past");      /* garbage after: entry length 0 */
    build(0); fake_phys[MADT + 44 + 1] = 200; fix(MADT, madt_len, MADT + 9);
    CHECK_REJECTS(parse(&ai), "runs past");
    build(0); fake_phys[MADT + 44 + 24 + 1] = 6; fix(MADT, madt_len, MADT + 9);
    CHECK_REJECTS(parse(&ai), "shorter than its type");  /* an IOAPIC entry of 6 bytes */
    build(0); fake_phys[MADT + 44 + 4] = 0; fake_phys[MADT + 52 + 4] = 0; fix(MADT, madt_len, MADT + 9);
    CHECK_REJECTS(parse(&ai), "no usable CPU");
    build(0); put32(MADT + 4, 40); fix(MADT, 40, MADT + 9);
    CHECK_REJECTS(parse(&ai), "truncated");
    CHECK_REJECTS(acpi_parse(0x10, fake_phys_read, &ai), "RSDP");

    /* The scan finds an RSDP on a 16-byte boundary in 0xE0000..0xFFFFF. */
    CHECK(acpi_find_rsdp(bios_read) == 0);
    memcpy(bios + 0xF5A30, "RSD PTR ", 8);
    uint8_t s = 0;
    for (int i = 0; i < 20; i++)
        s = (uint8_t)(s + bios[0xF5A30 + i]);
    bios[0xF5A30 + 8] = (uint8_t)-s;
    CHECK(acpi_find_rsdp(bios_read) == 0xF5A30);
    return CHECK_DONE();
}
