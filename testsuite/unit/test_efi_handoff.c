/* The EFI stub's hand-off, portable parts: the UEFI memory map becomes
 * sorted, merged MB2 ranges (defects refused), and a Multiboot v2
 * information built by mb2_build reads back through multiboot2_parse. */
#include "check.h"
#include "efi_mmap.h"
#include "fake_phys.h"
#include "mb2_build.h"
#include "mutate.h"
#include "multiboot.h"
#include <stdint.h>

enum { DESC = 48 };                     /* UEFI's descriptor size: 40 + padding */

static uint8_t map[64 * DESC];
static unsigned descs;

static void desc(uint32_t type, uint64_t base, uint64_t pages)
{
    uint8_t *d = map + descs++ * DESC;
    memset(d, 0, DESC);
    memcpy(d, &type, 4);
    memcpy(d + 8, &base, 8);
    memcpy(d + 16, &base, 8);           /* virtual start: ignored */
    memcpy(d + 24, &pages, 8);
}

static boot_error convert(struct efi_range *r, unsigned max, unsigned *n)
{
    return efi_mmap_ranges(map, descs * DESC, DESC, r, max, n);
}

/* QEMU virt under UEFI, shortened: out of order, loader/boot services/
 * conventional pieces to merge, runtime data, ACPI, MMIO. */
static void virt_map(void)
{
    descs = 0;
    desc(7, 0x40000000, 0x200);         /* conventional */
    desc(2, 0x40200000, 0x2400);        /* loader data: the kernel */
    desc(4, 0x42600000, 0x100);         /* boot services data */
    desc(9, 0x5c000000, 0x10);          /* ACPI reclaim */
    desc(6, 0x5c010000, 0x20);          /* runtime services data */
    desc(7, 0x42700000, 0x198f0);       /* conventional up to 0x5bff0000 */
    desc(3, 0x5bff0000, 0x10);          /* boot services code */
    desc(11, 0x04000000, 0x4000);       /* MMIO (flash): not RAM */
    desc(10, 0x5c030000, 0x1);          /* ACPI NVS */
    desc(7, 0x5c031000, 0x0);           /* empty: skipped */
}

static void test_mmap(void)
{
    struct efi_range r[16];
    unsigned n;
    virt_map();
    CHECK_ACCEPTS(convert(r, 16, &n));
    CHECK(n == 4);
    CHECK(r[0].base == 0x40000000 && r[0].size == 0x1c000000 && r[0].type == MB2_MEM_AVAILABLE);
    CHECK(r[1].base == 0x5c000000 && r[1].size == 0x10000 && r[1].type == MB2_MEM_ACPI);
    CHECK(r[2].base == 0x5c010000 && r[2].size == 0x20000 && r[2].type == MB2_MEM_RESERVED);
    CHECK(r[3].base == 0x5c030000 && r[3].size == 0x1000 && r[3].type == MB2_MEM_NVS);

    virt_map();
    CHECK_REJECTS(convert(r, 4, &n), "too many entries");     /* 8 before merging */
    virt_map();
    desc(7, 0x40100000, 0x200);         /* inside the first entry */
    CHECK_REJECTS(convert(r, 16, &n), "overlapping");
    virt_map();
    desc(7, 0xfffffffffffff000ull, 2);
    CHECK_REJECTS(convert(r, 16, &n), "wraps around");
    virt_map();
    CHECK_REJECTS(efi_mmap_ranges(map, descs * DESC, 36, r, 16, &n), "descriptor size");
}

static void test_mb2_round_trip(void)
{
    static const uint8_t rsdp[36] = "RSD PTR ";
    struct mb2_build b;
    memset(fake_phys, 0xa5, sizeof fake_phys);
    mb2_begin(&b, fake_phys, 4096);
    mb2_cmdline(&b, "probes verbose", 100);
    mb2_module(&b, 0x5f000000, 0x5f012345, "root.elf", 8);
    mb2_acpi_new(&b, rsdp, sizeof rsdp);
    mb2_mmap_begin(&b);
    mb2_mmap_add(&b, 0x40000000, 0x1c000000, MB2_MEM_AVAILABLE);
    mb2_mmap_add(&b, 0x5c000000, 0x10000, MB2_MEM_ACPI);
    mb2_mmap_end(&b);
    CHECK_ACCEPTS(mb2_end(&b));

    struct bootinfo bi = {0};
    CHECK_ACCEPTS(multiboot2_parse(fake_pa(0), fake_phys_read, &bi));
    CHECK_STR(bi.cmdline, "probes verbose");
    CHECK(bi.mod_count == 1 && bi.mod[0].start == 0x5f000000 && bi.mod[0].end == 0x5f012345);
    CHECK_STR(bi.mod[0].cmdline, "root.elf");
    CHECK(bi.mem_count == 2 && bi.mem[0].type == MEM_USABLE && bi.mem[0].size == 0x1c000000);
    CHECK(bi.mem[1].type == MEM_RESERVED && bi.mem[1].base == 0x5c000000);
    CHECK(bi.acpi_rsdp && !memcmp(fake_phys + (bi.acpi_rsdp - fake_pa(0)), "RSD PTR ", 8));

    /* Too small a buffer: refused at the end, nothing written past it. */
    memset(fake_phys, 0xa5, sizeof fake_phys);
    mb2_begin(&b, fake_phys, 64);
    mb2_cmdline(&b, "probes", 6);
    mb2_module(&b, 1, 2, "a module command line longer than the rest", 100);
    mb2_mmap_begin(&b);
    mb2_mmap_add(&b, 0, 1, 1);
    mb2_mmap_end(&b);
    CHECK_REJECTS(mb2_end(&b), "does not fit");
    CHECK(fake_phys[64] == 0xa5);
    mb2_begin(&b, fake_phys, 4096);
    mb2_mmap_begin(&b);
    CHECK_REJECTS(mb2_end(&b), "left open");
}

/* Random mutations of the map: any verdict; an accepted one is sorted,
 * within max and free of wrap-around (ASan, UBSan judge the reads). */
static void robustness(void)
{
    struct efi_range r[16];
    for (unsigned n = 0; n < 50000; n++) {
        virt_map();
        mutate_random(map, descs * DESC);
        unsigned got = 0;
        if (convert(r, 16, &got))
            continue;
        CHECK(got <= 16);
        for (unsigned i = 0; i < got; i++) {
            CHECK(r[i].size && r[i].base + r[i].size > r[i].base);
            CHECK(!i || r[i - 1].base + r[i - 1].size <= r[i].base);
        }
    }
}

int main(void)
{
    robustness();
    test_mmap();
    test_mb2_round_trip();
    return CHECK_DONE();
}
