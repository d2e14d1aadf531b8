/* Multiboot v1 and v2 parsers against well-formed and malformed input
 * laid out in a fake physical memory. */
#include "check.h"
#include "fake_phys.h"
#include "multiboot.h"
#include "mutate.h"
#include <stdint.h>

static void put32(size_t off, uint32_t v) { memcpy(fake_phys + off, &v, 4); }
static void put64(size_t off, uint64_t v) { memcpy(fake_phys + off, &v, 8); }

/* MB1: info at 0, cmdline at 0x100, mmap at 0x200, module list at 0x300. */
static void mb1_valid(void)
{
    memset(fake_phys, 0, sizeof fake_phys);
    put32(0, (1u << 2) | (1u << 3) | (1u << 6));        /* cmdline, mods, mmap */
    put32(16, (uint32_t)fake_pa(0x100));
    strcpy((char *)fake_phys + 0x100, "kernel probes");
    put32(20, 1);
    put32(24, (uint32_t)fake_pa(0x300));
    put32(44, 48);
    put32(48, (uint32_t)fake_pa(0x200));
    /* two 24-byte entries: size field 20 + 4 */
    put32(0x200, 20); put64(0x204, 0); put64(0x20c, 0x9fc00); put32(0x214, 1);
    put32(0x218, 20); put64(0x21c, 0x100000); put64(0x224, 0x7f00000); put32(0x22c, 1);
    put32(0x300, 0x400000); put32(0x304, 0x401000);
    put32(0x308, (uint32_t)fake_pa(0x380));
    strcpy((char *)fake_phys + 0x380, "root.elf arg");
}

static boot_error mb1(struct bootinfo *bi)
{
    memset(bi, 0, sizeof *bi);
    return multiboot1_parse(fake_pa(0), fake_phys_read, bi);
}

static void test_mb1(void)
{
    struct bootinfo bi;
    mb1_valid();
    CHECK_ACCEPTS(mb1(&bi));
    CHECK_STR(bi.cmdline, "kernel probes");
    CHECK(bi.mem_count == 2 && bi.mem[1].base == 0x100000 && bi.mem[1].size == 0x7f00000);
    CHECK(bi.mod_count == 1 && bi.mod[0].start == 0x400000 && bi.mod[0].end == 0x401000);
    CHECK_STR(bi.mod[0].cmdline, "root.elf arg");
    CHECK_STR(bi.loader, "multiboot1");

    CHECK_REJECTS(multiboot1_parse(0x10, fake_phys_read, &bi), "outside accessible memory");   /* unmapped info */
    mb1_valid(); put32(0, 0);                                     /* no memory info */
    CHECK_REJECTS(mb1(&bi), "no memory map");
    mb1_valid(); put32(0, 1);                                     /* only mem_lower/upper */
    put32(4, 639); put32(8, 130048);
    CHECK_ACCEPTS(mb1(&bi));
    CHECK(bi.mem_count == 2 && bi.mem[1].size == 130048ull << 10);
    mb1_valid(); put32(16, 0xdead0000);                          /* cmdline unmapped */
    CHECK_REJECTS(mb1(&bi), "command line unreadable");
    mb1_valid(); memset(fake_phys + 0x100, 'a', FAKE_PHYS_SIZE - 0x100);   /* unterminated */
    CHECK_REJECTS(mb1(&bi), "command line unreadable");
    mb1_valid(); put32(0x200, 4);                                 /* entry size too small */
    CHECK_REJECTS(mb1(&bi), "bad size");
    mb1_valid(); put32(0x200, 200);                               /* entry runs past the map */
    CHECK_REJECTS(mb1(&bi), "bad size");
    mb1_valid(); put32(44, 30);                                   /* map length cuts an entry */
    CHECK_REJECTS(mb1(&bi), "truncated");
    mb1_valid(); put32(48, 0xfffffff0);                          /* map unmapped */
    CHECK_REJECTS(mb1(&bi), "memory map outside");
    mb1_valid(); put32(20, 1000);                                 /* absurd module count */
    CHECK_REJECTS(mb1(&bi), "module count");
    mb1_valid(); put32(0x304, 0x3ff000);                          /* module ends before start */
    CHECK_REJECTS(mb1(&bi), "ends before");
    mb1_valid(); put32(0x308, 0xfffff000);                       /* module cmdline unmapped */
    CHECK_REJECTS(mb1(&bi), "module command line");
    mb1_valid(); put64(0x224, UINT64_MAX);                        /* region wraps */
    CHECK_REJECTS(mb1(&bi), "wraps");
}

/* MB2: total size, reserved, then 8-aligned tags. */
static size_t mb2_tag(size_t off, uint32_t type, const void *body, uint32_t len)
{
    put32(off, type);
    put32(off + 4, 8 + len);
    memcpy(fake_phys + off + 8, body, len);
    return off + ((8 + len + 7) & ~7u);
}

static size_t mb2_valid(void)
{
    memset(fake_phys, 0, sizeof fake_phys);
    size_t off = 8;
    off = mb2_tag(off, 1, "probes", 7);
    unsigned char mod[8 + 5];
    uint32_t s = 0x500000, e = 0x502000;
    memcpy(mod, &s, 4); memcpy(mod + 4, &e, 4); memcpy(mod + 8, "root", 5);
    off = mb2_tag(off, 3, mod, sizeof mod);
    unsigned char map[8 + 2 * 24] = {0};
    uint32_t esz = 24;
    memcpy(map, &esz, 4);
    uint64_t b0 = 0, l0 = 0x9fc00, b1 = 0x100000, l1 = 0x1ff00000;
    uint32_t t1 = 1, t2 = 2;
    memcpy(map + 8, &b0, 8); memcpy(map + 16, &l0, 8); memcpy(map + 24, &t1, 4);
    memcpy(map + 32, &b1, 8); memcpy(map + 40, &l1, 8); memcpy(map + 48, &t2, 4);
    off = mb2_tag(off, 6, map, sizeof map);
    off = mb2_tag(off, 0x4D454D4B, "\0\0\0\0\0\0\0\0", 8);   /* unknown tag: skipped */
    off = mb2_tag(off, 0, "", 0);
    put32(0, (uint32_t)off);
    return off;
}

static boot_error mb2(struct bootinfo *bi)
{
    memset(bi, 0, sizeof *bi);
    return multiboot2_parse(fake_pa(0), fake_phys_read, bi);
}

static void test_mb2(void)
{
    struct bootinfo bi;
    size_t total = mb2_valid();
    CHECK_ACCEPTS(mb2(&bi));
    CHECK_STR(bi.cmdline, "probes");
    CHECK(bi.mod_count == 1 && bi.mod[0].start == 0x500000 && bi.mod[0].end == 0x502000);
    CHECK_STR(bi.mod[0].cmdline, "root");
    CHECK(bi.mem_count == 2 && bi.mem[1].type == MEM_RESERVED);

    CHECK_REJECTS(multiboot2_parse(fake_pa(4), fake_phys_read, &bi), "aligned");   /* misaligned */
    mb2_valid(); put32(0, 8);                                  /* too small */
    CHECK_REJECTS(mb2(&bi), "implausible size");
    mb2_valid(); put32(0, FAKE_PHYS_SIZE * 2);                 /* larger than memory */
    CHECK_REJECTS(mb2(&bi), "outside accessible memory");
    mb2_valid(); put32(0, (uint32_t)total - 8);                /* end tag cut off */
    CHECK_REJECTS(mb2(&bi), "no end tag");
    mb2_valid(); put32(12, 4);                                 /* tag size < header */
    CHECK_REJECTS(mb2(&bi), "runs past");
    mb2_valid(); put32(12, 0x10000);                           /* tag runs past total */
    CHECK_REJECTS(mb2(&bi), "runs past");
    mb2_valid(); memset(fake_phys + 16, 'x', 7);               /* cmdline unterminated */
    CHECK_REJECTS(mb2(&bi), "command line is not terminated");
    mb2_valid(); put32(12, 12);                                /* module tag truncated */
    put32(8, 3);
    CHECK_REJECTS(mb2(&bi), "module tag truncated");

    /* Without a memory map tag, basic meminfo is used; with neither, reject. */
    memset(fake_phys, 0, sizeof fake_phys);
    size_t off = mb2_tag(8, 4, "\x7f\x02\0\0\0\xfc\x01\0", 8);
    off = mb2_tag(off, 0, "", 0);
    put32(0, (uint32_t)off);
    CHECK_ACCEPTS(mb2(&bi));
    CHECK(bi.mem_count == 2 && bi.mem[1].size == 0x1fc00ull << 10);
    memset(fake_phys, 0, sizeof fake_phys);
    off = mb2_tag(8, 0, "", 0);
    put32(0, (uint32_t)off);
    CHECK_REJECTS(mb2(&bi), "no memory map");
}

/* An accepted input must give a bootinfo the later checks can walk. */
static void walk(const struct bootinfo *bi)
{
    (void)bootinfo_check(bi);
    (void)bootinfo_usable_bytes(bi);
    CHECK(strlen(bi->cmdline) < sizeof bi->cmdline);
    for (unsigned i = 0; i < bi->mod_count; i++)
        CHECK(strlen(bi->mod[i].cmdline) < sizeof bi->mod[i].cmdline);
}

/* One mutated parse: the valid input, then mutate, then the parser. */
static void parse_mutated(void (*valid)(void), boot_error (*parse)(struct bootinfo *),
                          size_t at, int value, size_t len)
{
    struct bootinfo bi;
    valid();
    if (value >= 0)
        fake_phys[at] = (uint8_t)value;
    else
        mutate_random(fake_phys, len);
    if (!parse(&bi))
        walk(&bi);
    fake_phys_release();
}

static void mb2_reset(void) { (void)mb2_valid(); }

/* Each byte of the information set to telling values, and random
 * mutations: any verdict, no bad read (ASan, UBSan). */
static void robustness(void)
{
    size_t total = mb2_valid();
    fake_phys_exact = true;
    for (size_t v = 0; v < sizeof mutate_values; v++) {
        for (size_t i = 0; i < 0x400; i++)
            parse_mutated(mb1_valid, mb1, i, mutate_values[v], 0);
        for (size_t i = 0; i < total; i++)
            parse_mutated(mb2_reset, mb2, i, mutate_values[v], 0);
    }
    for (unsigned n = 0; n < 20000; n++) {
        parse_mutated(mb1_valid, mb1, 0, -1, 0x400);
        parse_mutated(mb2_reset, mb2, 0, -1, total);
    }
    fake_phys_exact = false;
}

int main(void)
{
    robustness();
    test_mb1();
    test_mb2();
    return CHECK_DONE();
}
