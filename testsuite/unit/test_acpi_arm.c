/* Arm ACPI tables: a QEMU-virt-like set (MADT with GICD v3, GICCs, a GICR
 * range and an ITS; SPCR; GTDT; FADT) is read completely, optional tables
 * may be missing, and one defect at a time is refused with its reason. */
#include "acpi.h"
#include "acpi_arm.h"
#include "check.h"
#include "acpi_build.h"
#include "fake_phys.h"
#include "mutate.h"
#include <stdint.h>

enum { RSDP = 0x000, XSDT = 0x100, MADT = 0x400, SPCR = 0x800, GTDT = 0x900, FADT = 0xa00 };
enum { MADT_MAX = 0x400 };

/* MADT entries appended at madt_end. */
static size_t madt_end;

static void gicc(uint32_t uid, uint64_t mpidr, uint32_t flags, uint64_t gicr, uint8_t len)
{
    size_t e = madt_end;
    fake_phys[e] = 0x0b;
    fake_phys[e + 1] = len;
    put32(e + 8, uid);
    put32(e + 12, flags);
    put64(e + 32, 0x08010000);
    put64(e + 48, 0x08030000);
    put64(e + 60, gicr);
    put64(e + 68, mpidr);
    madt_end += len;
}

static void gicd(uint8_t version)
{
    size_t e = madt_end;
    fake_phys[e] = 0x0c;
    fake_phys[e + 1] = 24;
    put64(e + 8, 0x08000000);
    fake_phys[e + 20] = version;
    madt_end += 24;
}

static void gicr_range(uint64_t base, uint32_t len)
{
    fake_phys[madt_end] = 0x0e;
    fake_phys[madt_end + 1] = 16;
    put64(madt_end + 4, base);
    put32(madt_end + 12, len);
    madt_end += 16;
}

static void its(uint64_t base)
{
    fake_phys[madt_end] = 0x0f;
    fake_phys[madt_end + 1] = 20;
    put64(madt_end + 8, base);
    madt_end += 20;
}

static void madt_close(void) { table(MADT, "APIC", (uint32_t)(madt_end - MADT)); }

/* XSDT listing the tables in sigs' order at the given offsets. */
static void xsdt(const size_t *at, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        put64(XSDT + 36 + 8 * i, fake_pa(at[i]));
    table(XSDT, "XSDT", 36 + 8 * n);
    memcpy(fake_phys + RSDP, "RSD PTR ", 8);
    fake_phys[RSDP + 15] = 2;
    fix(RSDP, 20, RSDP + 8);
    put32(RSDP + 20, 36);
    put64(RSDP + 24, fake_pa(XSDT));
    fix(RSDP, 36, RSDP + 32);
}

static void spcr(uint8_t type, uint8_t space)
{
    memset(fake_phys + SPCR, 0, 80);
    fake_phys[SPCR + 36] = type;
    fake_phys[SPCR + 40] = space;
    fake_phys[SPCR + 41] = 32;
    fake_phys[SPCR + 43] = 3;
    put64(SPCR + 44, 0x09000000);
    table(SPCR, "SPCR", 80);
}

static void gtdt(uint32_t len)
{
    put32(GTDT + 72, 26);
    table(GTDT, "GTDT", len);
}

static void fadt(uint16_t arm_flags, uint32_t len)
{
    put16(FADT + 129, arm_flags);
    table(FADT, "FACP", len);
}

/* The full set: GICv3, CPUs 0 and 1 enabled, CPU 2 disabled. */
static void build(void)
{
    memset(fake_phys, 0, sizeof fake_phys);
    madt_end = MADT + 44;
    gicd(3);
    gicc(0, 0x000, 1, 0, 80);
    gicc(1, 0x001, 1, 0, 82);
    gicc(2, 0x100, 0, 0, 80);
    gicr_range(0x080a0000, 0xf60000);
    its(0x08080000);
    madt_close();
    spcr(3, 0);
    gtdt(104);
    fadt(1, 276);
    const size_t all[] = {FADT, MADT, SPCR, GTDT};
    xsdt(all, 4);
}

static boot_error parse(struct acpi_arm *a) { return acpi_arm_parse(fake_pa(RSDP), fake_phys_read, a); }

/* The MADT rebuilt with different entries (the other tables as build()). */
#define REBUILD_MADT(entries) do { build(); memset(fake_phys + MADT, 0, MADT_MAX); \
    madt_end = MADT + 44; entries; madt_close(); } while (0)

static void refix_rsdp(void)
{
    fix(RSDP, 20, RSDP + 8);
    fix(RSDP, 36, RSDP + 32);
}

/* Checksums again after a mutation, so that it reaches the parsing. */
static void refix(void)
{
    const size_t at[][2] = {{MADT, 0}, {SPCR, 80}, {GTDT, 104}, {FADT, 276}, {XSDT, 36 + 8 * 4}};
    for (unsigned i = 0; i < sizeof at / sizeof *at; i++)
        fix(at[i][0], at[i][1] ? at[i][1] : madt_end - MADT, at[i][0] + 9);
    refix_rsdp();
}

/* Every byte of the tables set to telling values, and random mutations
 * (checksums fixed up or not), read through exact-size copies: any
 * verdict, no bad read (ASan, UBSan). */
static void robustness(void)
{
    struct acpi_arm a;
    fake_phys_exact = true;
    for (size_t i = 0; i < FADT + 276; i++)
        for (size_t v = 0; v < sizeof mutate_values; v++) {
            build();
            fake_phys[i] = mutate_values[v];
            refix();
            (void)parse(&a);
            fake_phys_release();
        }
    /* Every table's length from 0 to 8 past its end, checksums fixed:
     * a parser that trusts a short length reads past the copy. */
    const size_t tables[] = {MADT, SPCR, GTDT, FADT, XSDT};
    for (unsigned t = 0; t < sizeof tables / sizeof *tables; t++)
        for (uint32_t len = 0; len < 0x120; len++) {
            build();
            put32(tables[t] + 4, len);
            if (len >= 10)
                fix(tables[t], len, tables[t] + 9);
            refix_rsdp();
            (void)parse(&a);
            fake_phys_release();
        }
    for (unsigned n = 0; n < 20000; n++) {
        build();
        mutate_random(fake_phys, FADT + 276);
        if (n & 1)
            refix();
        (void)parse(&a);
        fake_phys_release();
    }
    fake_phys_exact = false;
}

int main(void)
{
    struct acpi_arm a;
    robustness();
    build();
    CHECK_ACCEPTS(parse(&a));
    CHECK(a.gic_version == 3 && a.gicd == 0x08000000);
    CHECK(a.cpus == 2 && a.cpu[0].mpidr == 0 && a.cpu[1].mpidr == 1 && a.cpu[1].uid == 1);
    CHECK(a.cpu[0].gicc == 0x08010000 && a.cpu[0].gich == 0x08030000);
    CHECK(a.gicr_ranges == 1 && a.gicr[0].base == 0x080a0000 && a.gicr[0].length == 0xf60000);
    CHECK(a.its_count == 1 && a.its_base[0] == 0x08080000);
    CHECK(a.has_spcr && a.spcr_type == SPCR_PL011 && a.spcr_base == 0x09000000 && a.spcr_access == 3);
    CHECK(a.has_gtdt && a.el2_timer_gsiv == 26);
    CHECK(a.has_fadt && a.psci && !a.psci_hvc);

    /* MPIDR: Aff3 and Aff2..0 kept, the MT/U/RES bits dropped. */
    REBUILD_MADT((gicd(2), gicc(7, 0xff40000102ull | 1ull << 31 | 1ull << 30, 1, 0, 80)));
    CHECK_ACCEPTS(parse(&a));
    CHECK(a.cpus == 1 && a.cpu[0].mpidr == 0xff00000102ull && a.gic_version == 2);
    /* GICv3 with per-CPU redistributors and no GICR structure. */
    REBUILD_MADT((gicd(3), gicc(0, 0, 1, 0x080a0000, 80), gicc(1, 1, 1, 0x080c0000, 80)));
    CHECK_ACCEPTS(parse(&a));
    CHECK(a.gicr_ranges == 0 && a.cpu[1].gicr == 0x080c0000);
    /* Optional tables absent; PSCI over HVC is reported as such. */
    build();
    {
        const size_t only[] = {MADT, FADT};
        fadt(3, 276);
        xsdt(only, 2);
    }
    CHECK_ACCEPTS(parse(&a));
    CHECK(!a.has_spcr && !a.has_gtdt && a.psci && a.psci_hvc);

    REBUILD_MADT((gicd(3), gicc(0, 0, 1, 0x080a0000, 60)));
    CHECK_REJECTS(parse(&a), "shorter than its type");
    REBUILD_MADT((gicc(0, 0, 1, 0, 80)));
    CHECK_REJECTS(parse(&a), "no GIC distributor");
    REBUILD_MADT((gicd(2), gicd(2), gicc(0, 0, 1, 0, 80)));
    CHECK_REJECTS(parse(&a), "more than one GIC distributor");
    REBUILD_MADT((gicd(2), gicc(0, 0, 0, 0, 80)));
    CHECK_REJECTS(parse(&a), "no usable CPU");
    REBUILD_MADT((gicd(3), gicc(0, 0, 1, 0x080a0000, 80), gicc(1, 1, 1, 0, 80)));
    CHECK_REJECTS(parse(&a), "no redistributor");
    REBUILD_MADT((gicd(2), gicc(0, 0, 1, 0, 80)));
    fake_phys[MADT + 44 + 24 + 1] = 200;
    fix(MADT, madt_end - MADT, MADT + 9);
    CHECK_REJECTS(parse(&a), "runs past");
    build(); put32(MADT + 4, 40); fix(MADT, 40, MADT + 9);
    CHECK_REJECTS(parse(&a), "truncated");
    build();
    {
        const size_t no_madt[] = {SPCR, GTDT, FADT};
        xsdt(no_madt, 3);
    }
    CHECK_REJECTS(parse(&a), "no MADT");
    build(); spcr(3, 1);                        CHECK_REJECTS(parse(&a), "not memory-mapped");
    build(); table(SPCR, "SPCR", 48);           CHECK_REJECTS(parse(&a), "SPCR is truncated");
    build(); fake_phys[SPCR + 44] ^= 1;         CHECK_REJECTS(parse(&a), "checksum");
    build(); gtdt(76);                          CHECK_REJECTS(parse(&a), "GTDT is truncated");
    build(); fadt(1, 116);                      CHECK_REJECTS(parse(&a), "FADT is too short");
    build(); fake_phys[RSDP + 30] ^= 1;         CHECK_REJECTS(parse(&a), "extended checksum");
    return CHECK_DONE();
}
