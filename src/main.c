/* The portable part of boot: check what the loader gave us, then run the
 * probes or hand over to the root task. */
#include "kernel.h"
#include "arch.h"
#include "board.h"
#include "console.h"
#include "elf.h"
#include "panic.h"
#include "kmem.h"
#include "probe.h"
#include "root.h"
#include "version.h"

static void show_boot(const struct bootinfo *bi)
{
    kprintf("boot: loader %s, cmdline \"%s\"\n", bi->loader, bi->cmdline);
    for (unsigned i = 0; i < bi->mem_count; i++)
        kprintf("boot: mem %016lx-%016lx %s\n", (unsigned long)bi->mem[i].base,
                (unsigned long)(bi->mem[i].base + bi->mem[i].size),
                bi->mem[i].type == MEM_USABLE ? "usable" : "reserved");
    for (unsigned i = 0; i < bi->mod_count; i++)
        kprintf("boot: module %u %08lx-%08lx \"%s\"\n", i, (unsigned long)bi->mod[i].start,
                (unsigned long)bi->mod[i].end, bi->mod[i].cmdline);
}

static void check_root_module(const struct bootinfo *bi)
{
    if (!bi->mod_count)
        return;
    const struct boot_module *root = &bi->mod[0];
    uint64_t size = root->end - root->start;
    const void *image = arch_phys_map(root->start, size);
    if (!image)
        panic("root module at 0x%lx (%lu bytes) is not accessible",
              (unsigned long)root->start, (unsigned long)size);
    boot_error err = elf_check_root(image, size, root->start, root_elf_machine);
    if (err)
        panic("root module is not a valid ELF64 for %s: %s", NOVA_ARCH, err);
    kprintf("boot: root module is a valid ELF64 (%lu bytes)\n", (unsigned long)size);
}

void kernel_main(struct bootinfo *boot)
{
    kprintf("NOVA microhypervisor %s (%s, board %s)\n", nova_version, NOVA_ARCH, board_name);
    boot_error err = bootinfo_check(boot);
    if (err)
        panic("boot information rejected: %s", err);
    show_boot(boot);
    check_root_module(boot);
    kmem_init(boot);
    if (probes_at_boot || bootinfo_has_word(boot->cmdline, "probes"))
        probes_run_all(boot);
    root_launch(boot);
}
