/* Building and checking the loader-independent boot information. */
#include "bootinfo.h"
#include "check.h"

int main(void)
{
    struct bootinfo bi = {0};
    CHECK_REJECTS(bootinfo_check(&bi), "no usable memory");                  /* no memory at all */
    CHECK_ACCEPTS(bootinfo_add_mem(&bi, 0x100000, 0x1000000, MEM_USABLE));
    CHECK_ACCEPTS(bootinfo_add_mem(&bi, 0, 0, MEM_USABLE));   /* empty: ignored */
    CHECK(bi.mem_count == 1);
    CHECK_REJECTS(bootinfo_add_mem(&bi, UINT64_MAX - 10, 100, MEM_USABLE), "wraps");
    CHECK_ACCEPTS(bootinfo_check(&bi));
    CHECK(bootinfo_usable_bytes(&bi) == 0x1000000);
    CHECK(bootinfo_is_usable(&bi, 0x100000, 0x1000000));
    CHECK(!bootinfo_is_usable(&bi, 0x100000, 0x1000001));
    CHECK(!bootinfo_is_usable(&bi, 0xfffff, 2));
    CHECK(!bootinfo_is_usable(&bi, UINT64_MAX, 2));     /* no wrap-around */

    bi.kernel_start = 0x200000;
    bi.kernel_end = 0x300000;
    CHECK_ACCEPTS(bootinfo_check(&bi));
    bi.kernel_end = 0x2000000;                            /* past the end of RAM */
    CHECK_REJECTS(bootinfo_check(&bi), "kernel image");
    bi.kernel_end = 0x300000;

    CHECK_ACCEPTS(bootinfo_add_mem(&bi, 0x800000, 0x1000, MEM_USABLE));
    CHECK_REJECTS(bootinfo_check(&bi), "overlap");                  /* overlapping usable */
    bi.mem[1].type = MEM_RESERVED;
    CHECK_ACCEPTS(bootinfo_check(&bi));                  /* reserved inside usable is fine */

    CHECK_ACCEPTS(bootinfo_add_module(&bi, 0x400000, 0x401000, "root arg", 8));
    CHECK_STR(bi.mod[0].cmdline, "root arg");
    CHECK_ACCEPTS(bootinfo_check(&bi));
    CHECK_REJECTS(bootinfo_add_module(&bi, 0x2000, 0x1000, "", 0), "ends before");
    CHECK_ACCEPTS(bootinfo_add_module(&bi, 0x80000000, 0x80001000, NULL, 0));
    CHECK_REJECTS(bootinfo_check(&bi), "outside the memory map");                  /* module outside the map */

    char longline[BOOT_CMDLINE_MAX * 2];
    memset(longline, 'x', sizeof longline);
    bootinfo_set_cmdline(&bi, longline, sizeof longline);
    CHECK(strlen(bi.cmdline) == BOOT_CMDLINE_MAX - 1);  /* truncated, terminated */

    CHECK(bootinfo_has_word("probes", "probes"));
    CHECK(bootinfo_has_word("a  probes=2", "probes"));
    CHECK(!bootinfo_has_word("probesx", "probes"));
    CHECK(!bootinfo_has_word("xprobes", "probes"));
    CHECK(!bootinfo_has_word("", "probes"));

    struct bootinfo full = {0};
    for (int i = 0; i < BOOT_MEM_MAX; i++)
        CHECK_ACCEPTS(bootinfo_add_mem(&full, (uint64_t)i << 20, 4096, MEM_USABLE));
    CHECK_REJECTS(bootinfo_add_mem(&full, 1ull << 40, 4096, MEM_USABLE), "too many memory regions");
    return CHECK_DONE();
}
