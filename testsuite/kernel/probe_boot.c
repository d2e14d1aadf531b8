/* Probes of what the boot loader handed over, as the kernel parsed it. */
#include "arch.h"
#include "elf.h"
#include "kernel.h"
#include "probe.h"
#include "sections.h"
#include <string.h>

static void memory_map(struct probe_ctx *ctx)
{
    const struct bootinfo *bi = ctx->boot;
    boot_error err = bootinfo_check(bi);
    if (err) {
        probe_fail(ctx, "check: %s", err);
        return;
    }
    uint64_t usable = bootinfo_usable_bytes(bi);
    if (usable < (16u << 20))
        probe_fail(ctx, "usable=%lu bytes, expected at least 16 MiB", (unsigned long)usable);
    if (bi->kernel_end <= bi->kernel_start)
        probe_fail(ctx, "kernel range %lx-%lx is empty", (unsigned long)bi->kernel_start,
                   (unsigned long)bi->kernel_end);
    /* The kernel's own code must be where the boot data says it is. */
    if (bi->kernel_start != (uint64_t)(uintptr_t)__kernel_phys_start)
        probe_fail(ctx, "kernel_start=0x%lx, linker says 0x%lx", (unsigned long)bi->kernel_start,
                   (unsigned long)(uintptr_t)__kernel_phys_start);
}
PROBE("boot.memory_map", memory_map);

static void cmdline(struct probe_ctx *ctx)
{
    /* Every runner profile passes "probes"; its absence means the command
     * line got lost between loader and kernel. */
    if (!bootinfo_has_word(ctx->boot->cmdline, "probes"))
        probe_fail(ctx, "cmdline \"%s\" lacks the word probes", ctx->boot->cmdline);
    if (!bootinfo_has_word("a probes=1 b", "probes") || bootinfo_has_word("probesx", "probes"))
        probe_fail(ctx, "bootinfo_has_word misparses");
}
PROBE("boot.cmdline", cmdline);

static void root_module(struct probe_ctx *ctx)
{
    const struct bootinfo *bi = ctx->boot;
    if (!bi->mod_count) {
        probe_fail(ctx, "no boot module; the runner always passes a root task");
        return;
    }
    const struct boot_module *m = &bi->mod[0];
    if (m->start % 4096)
        probe_fail(ctx, "module 0 at 0x%lx is not page aligned", (unsigned long)m->start);
    const void *img = arch_phys_map(m->start, m->end - m->start);
    if (!img) {
        probe_fail(ctx, "module 0 not mapped");
        return;
    }
    boot_error err = elf_check_root(img, m->end - m->start, m->start, root_elf_machine);
    if (err)
        probe_fail(ctx, "module 0: %s", err);
    /* A good image must stop being good when its machine is wrong. */
    if (!elf_check_root(img, m->end - m->start, m->start, (uint16_t)(root_elf_machine + 1)))
        probe_fail(ctx, "a root ELF for another machine was accepted");
}
PROBE("boot.root_module", root_module);
