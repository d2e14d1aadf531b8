/* FDT parser: a dtc-made reference blob, trees built with fdt_build.h, and malformed
 * variants that must each be rejected with a reason (never a crash: this
 * runs under ASan/UBSan, with blobs placed at the end of the fake memory
 * so that any read past them is caught). */
#include "check.h"
#include "fake_phys.h"
#include "fdt.h"
#include "fdt_build.h"
#include "fdt_ref_blob.h"

static struct bootinfo bi;

/* Places the blob so that it ends where the fake memory ends (8-aligned
 * start), then parses it. */
static boot_error parse_at_end(const uint8_t *blob, uint32_t len)
{
    size_t off = (FAKE_PHYS_SIZE - len) & ~(size_t)7;
    memset(fake_phys, 0xee, sizeof fake_phys);
    memcpy(fake_phys + off, blob, len);
    memset(&bi, 0, sizeof bi);
    return fdt_parse(fake_pa(off), fake_phys_read, &bi);
}

static boot_error parse(const uint8_t *blob, uint32_t len)
{
    return parse_at_end(blob, len);
}

static uint8_t buf[8192];

static void test_reference_blob(void)
{
    CHECK_ACCEPTS(parse(fdt_ref_blob, sizeof fdt_ref_blob));
    CHECK_STR(bi.loader, "fdt");
    CHECK_STR(bi.cmdline, "probes x=1");
    CHECK(bi.fdt_size == sizeof fdt_ref_blob && bi.fdt_addr != 0);
    /* memreserve first, then the two enabled memory nodes (3 ranges);
     * the disabled secram node is left out. */
    CHECK(bi.mem_count == 4);
    CHECK(bi.mem[0].type == MEM_RESERVED && bi.mem[0].base == 0x40000000 && bi.mem[0].size == 0x10000);
    CHECK(bi.mem[1].type == MEM_USABLE && bi.mem[1].base == 0x40000000 && bi.mem[1].size == 0x20000000);
    CHECK(bi.mem[2].base == 0x100000000ull && bi.mem[2].size == 0x40000000);
    CHECK(bi.mem[3].base == 0x200000000ull && bi.mem[3].size == 0x1000000);
    CHECK(bi.mod_count == 1 && bi.mod[0].start == 0x48000000 && bi.mod[0].end == 0x48001000);
    CHECK_STR(bi.mod[0].cmdline, "initrd");
    /* serial0 -> /soc/serial@7e215040, through the soc ranges. */
    CHECK(bi.console_base == 0xfe215040);
    CHECK_STR(bi.console_compat, "brcm,bcm2835-aux-uart");
}

/* A tree with 1-cell root addresses, a 64-bit initrd, a console path
 * without unit address under a bus with 2-cell child addresses. */
static void build_tree(struct fdtb *b, const char *stdout_path, bool bus_ranges)
{
    memset(b, 0, sizeof *b);
    b->rsv[0][0] = 0x800000, b->rsv[0][1] = 0x1000, b->nrsv = 1;
    begin(b, "");
    prop_cells(b, "#address-cells", 1, 1);
    prop_cells(b, "#size-cells", 1, 1);
    begin(b, "chosen");
    prop_str(b, "bootargs", "a probes");
    prop_cells(b, "linux,initrd-start", 2, 0, 0x2000000);
    prop_cells(b, "linux,initrd-end", 2, 0, 0x2100000);
    if (stdout_path)
        prop_str(b, "stdout-path", stdout_path);
    end(b);
    begin(b, "ram@0");
    prop_str(b, "device_type", "memory");
    prop_cells(b, "reg", 2, 0, 0x1000000);
    end(b);
    begin(b, "bus@0");
    prop_cells(b, "#address-cells", 1, 2);
    if (bus_ranges)
        prop_cells(b, "ranges", 4, 1, 0, 0x9000000, 0x1000);
    begin(b, "uart@1,0");
    prop(b, "compatible", "arm,pl011\0arm,primecell", 24);
    prop_cells(b, "reg", 3, 1, 0, 0x1000);
    end(b);
    end(b);
    end(b);
}

static void test_built_tree(void)
{
    struct fdtb b;
    build_tree(&b, "/bus@0/uart:9600n8", true);
    CHECK_ACCEPTS(parse(buf, finish(&b, buf, true)));
    CHECK_STR(bi.cmdline, "a probes");
    CHECK(bi.mem_count == 2 && bi.mem[1].type == MEM_USABLE && bi.mem[1].size == 0x1000000);
    CHECK(bi.mod_count == 1 && bi.mod[0].start == 0x2000000 && bi.mod[0].end == 0x2100000);
    CHECK(bi.console_base == 0x9000000);
    CHECK_STR(bi.console_compat, "arm,pl011");

    /* No ranges on the bus: its children are not CPU-addressable. */
    build_tree(&b, "/bus@0/uart@1,0", false);
    CHECK_ACCEPTS(parse(buf, finish(&b, buf, true)));
    CHECK(bi.console_base == 0 && bi.console_compat[0] == 0);

    /* A path or alias to nowhere, or no stdout-path: no console, no error. */
    build_tree(&b, "/bus@0/nothing", true);
    CHECK_ACCEPTS(parse(buf, finish(&b, buf, true)));
    CHECK(bi.console_base == 0);
    build_tree(&b, "serial7", true);
    CHECK_ACCEPTS(parse(buf, finish(&b, buf, true)));
    CHECK(bi.console_base == 0);
    build_tree(&b, 0, true);
    CHECK_ACCEPTS(parse(buf, finish(&b, buf, true)));
    CHECK(bi.console_base == 0 && bi.mod_count == 1);

    /* Version 16 has no size_dt_struct: the block runs to the strings. */
    build_tree(&b, "/bus@0/uart", true);
    uint32_t len = finish(&b, buf, true);
    put32(buf + 20, 16);
    put32(buf + 36, 0);
    CHECK_ACCEPTS(parse(buf, len));
    CHECK(bi.console_base == 0x9000000);
}

/* A variant must be rejected for the reason containing why. */
static void rejected(const char *what, boot_error err, const char *why)
{
    if (!err || !strstr(err, why)) {
        fprintf(stderr, "%s: want rejection \"%s\", got \"%s\"\n", what, why,
                err ? err : "acceptance");
        check_failures++;
    }
}

/* The reference blob with the header word at off patched. */
static void rejects_patched(const char *what, int off, uint32_t val, const char *why)
{
    memcpy(buf, fdt_ref_blob, sizeof fdt_ref_blob);
    put32(buf + off, val);
    rejected(what, parse(buf, sizeof fdt_ref_blob), why);
}

static void test_bad_headers(void)
{
    uint32_t total = sizeof fdt_ref_blob;
    uint32_t st = get32(fdt_ref_blob + 8), str = get32(fdt_ref_blob + 12);
    uint32_t st_size = get32(fdt_ref_blob + 36), str_size = get32(fdt_ref_blob + 32);
    rejects_patched("bad magic", 0, 0xd00dfeee, "bad magic");
    rejects_patched("totalsize below the header", 4, 39, "totalsize out of range");
    rejects_patched("totalsize past readable memory", 4, total + 64, "not readable up to totalsize");
    rejects_patched("totalsize above 2 MiB", 4, 4u << 20, "totalsize out of range");
    rejects_patched("structure block past the end", 8, total - 4, "structure block outside");
    rejects_patched("structure block unaligned", 8, st + 2, "structure block not 4-byte aligned");
    rejects_patched("structure block inside the header", 8, 8, "structure block outside");
    rejects_patched("strings block past the end", 12, total + 4, "strings block outside");
    rejects_patched("strings overlap structure", 12, st + 8, "overlap");
    rejects_patched("reservations unaligned", 16, 44, "reservation block not 8-byte aligned");
    rejects_patched("reservations past the end", 16, total + 8, "reservation block outside");
    rejects_patched("reservations overlap structure", 16, st, "reservation block overlaps");
    rejects_patched("version 15", 20, 15, "version older than 16");
    rejects_patched("last compatible version 18", 24, 18, "newer than 17");
    rejects_patched("strings size too big", 32, total - str + 1, "strings block outside");
    rejects_patched("structure size too big", 36, total - st + 4, "structure block outside");
    rejects_patched("structure size unaligned", 36, st_size - 2, "not 4-byte aligned");
    rejects_patched("structure cut before FDT_END", 36, st_size - 4, "without FDT_END");
    rejects_patched("strings cut mid-name", 32, str_size - 1, "not terminated in the strings block");

    /* The reader refuses: address outside memory, unaligned address. */
    memset(&bi, 0, sizeof bi);
    CHECK_REJECTS(fdt_parse(0x10, fake_phys_read, &bi), "header not readable");
    memcpy(fake_phys + 0x1004, fdt_ref_blob, sizeof fdt_ref_blob);
    CHECK_REJECTS(fdt_parse(fake_pa(0x1004), fake_phys_read, &bi), "not 8-byte aligned");
}

/* A structure block from tokens, with the given strings, must fail. */
static void rejects_built(const char *what, struct fdtb *b, bool add_end, const char *why)
{
    rejected(what, parse(buf, finish(b, buf, add_end)), why);
}

static void test_bad_structure(void)
{
    struct fdtb b;
    memset(&b, 0, sizeof b);
    begin(&b, "");
    rejects_built("FDT_END inside an open node", &b, true, "FDT_END inside an open node");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    end(&b);
    end(&b);
    rejects_built("extra FDT_END_NODE", &b, true, "FDT_END_NODE without a node");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    end(&b);
    rejects_built("no FDT_END", &b, false, "without FDT_END");

    memset(&b, 0, sizeof b);
    rejects_built("no root node", &b, true, "no root node");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    tok(&b, 7);
    end(&b);
    rejects_built("unknown token", &b, true, "unknown token");

    memset(&b, 0, sizeof b);
    prop_str(&b, "x", "y");
    begin(&b, "");
    end(&b);
    rejects_built("property before the root node", &b, true, "property outside any node");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    begin(&b, "a");
    end(&b);
    prop_str(&b, "late", "y");
    end(&b);
    rejects_built("property after a subnode", &b, true, "property after a subnode");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    end(&b);
    begin(&b, "");
    end(&b);
    rejects_built("two root nodes", &b, true, "more than one root node");

    memset(&b, 0, sizeof b);
    begin(&b, "root");
    end(&b);
    rejects_built("named root", &b, true, "root node has a name");

    memset(&b, 0, sizeof b);
    for (int i = 0; i < 20; i++)
        begin(&b, i ? "n" : "");
    for (int i = 0; i < 20; i++)
        end(&b);
    rejects_built("nesting 20 deep", &b, true, "nested too deeply");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    tok(&b, 3);
    tok(&b, 0x10000);
    tok(&b, 0);
    b.str_len = 2;
    end(&b);
    rejects_built("overlong property", &b, true, "property value runs past");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    tok(&b, 3);
    tok(&b, 0);
    tok(&b, 0x400);
    b.str_len = 2;
    end(&b);
    rejects_built("property name offset past the strings", &b, true, "name offset outside the strings block");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    prop_str(&b, "x", "y");
    end(&b);
    b.str_len = 1;                  /* "x" without its NUL */
    rejects_built("property name not terminated", &b, true, "not terminated in the strings block");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    tok(&b, 1);
    memcpy(b.st + b.st_len, "abcd", 4);    /* name runs into the end */
    b.st_len += 4;
    rejects_built("node name not terminated", &b, false, "node name runs past");

    memset(&b, 0, sizeof b);
    begin(&b, "");
    tok(&b, 3);
    rejects_built("property header cut off", &b, false, "property header runs past");
}

/* Semantic errors in otherwise well-formed trees. */
static void rejects_tree(const char *what, void (*add)(struct fdtb *b), const char *why)
{
    struct fdtb b;
    memset(&b, 0, sizeof b);
    begin(&b, "");
    add(&b);
    end(&b);
    rejects_built(what, &b, true, why);
}

static void bad_reg_len(struct fdtb *b)
{
    begin(b, "memory@0");
    prop_str(b, "device_type", "memory");
    prop_cells(b, "reg", 2, 0, 0x1000);         /* 2+1 root cells need 12 bytes */
    end(b);
}
static void wrapping_memory(struct fdtb *b)
{
    begin(b, "memory@0");
    prop_cells(b, "reg", 3, 0xffffffff, 0xfffff000, 0x2000);
    end(b);
}
static void three_address_cells(struct fdtb *b) { prop_cells(b, "#address-cells", 1, 3); }
static void long_size_cells(struct fdtb *b) { prop_cells(b, "#size-cells", 2, 0, 1); }
static void initrd_start_only(struct fdtb *b)
{
    begin(b, "chosen");
    prop_cells(b, "linux,initrd-start", 1, 0x1000);
    end(b);
}
static void initrd_short(struct fdtb *b)
{
    begin(b, "chosen");
    prop(b, "linux,initrd-start", "\0\1", 2);
    prop_cells(b, "linux,initrd-end", 1, 0x1000);
    end(b);
}
static void initrd_backwards(struct fdtb *b)
{
    begin(b, "chosen");
    prop_cells(b, "linux,initrd-start", 1, 0x2000);
    prop_cells(b, "linux,initrd-end", 1, 0x1000);
    end(b);
}
static void stdout_unterminated(struct fdtb *b)
{
    begin(b, "chosen");
    prop(b, "stdout-path", "/uart", 5);
    end(b);
}
static void alias_unterminated(struct fdtb *b)
{
    begin(b, "aliases");
    prop(b, "serial0", "/uart", 5);
    end(b);
    begin(b, "chosen");
    prop_str(b, "stdout-path", "serial0");
    end(b);
}

static void test_bad_content(void)
{
    rejects_tree("memory reg not a multiple of the cells", bad_reg_len, "whole number of (address, size) pairs");
    rejects_tree("memory wrapping around", wrapping_memory, "wraps around");
    rejects_tree("#address-cells 3", three_address_cells, "outside 1..2");
    rejects_tree("#size-cells of 8 bytes", long_size_cells, "not one cell");
    rejects_tree("initrd-start without initrd-end", initrd_start_only, "only one of linux,initrd-start");
    rejects_tree("2-byte initrd-start", initrd_short, "neither 32 nor 64 bits");
    rejects_tree("initrd ending before it starts", initrd_backwards, "ends before it starts");
    rejects_tree("unterminated stdout-path", stdout_unterminated, "stdout-path is not a terminated string");
    rejects_tree("unterminated alias", alias_unterminated, "alias is not a terminated string");
}

/* Every truncation and many single-byte corruptions of a valid blob:
 * any verdict is fine, reading outside the blob is not (ASan). */
static void test_robustness(void)
{
    uint8_t copy[sizeof fdt_ref_blob];
    for (uint32_t k = 0; k <= sizeof fdt_ref_blob; k += 8) {
        memcpy(copy, fdt_ref_blob, sizeof copy);
        if (k >= 8)
            put32(copy + 4, k);
        (void)parse_at_end(copy, k);
    }
    static const uint8_t vals[] = {0x00, 0xff, 0x01, 0x80, 0x7f};
    for (uint32_t i = 0; i < sizeof fdt_ref_blob; i++)
        for (unsigned v = 0; v < sizeof vals; v++) {
            memcpy(copy, fdt_ref_blob, sizeof copy);
            copy[i] = vals[v];
            (void)parse_at_end(copy, sizeof copy);
        }
}

int main(void)
{
    test_reference_blob();
    test_built_tree();
    test_bad_headers();
    test_bad_structure();
    test_bad_content();
    test_robustness();
    return CHECK_DONE();
}
