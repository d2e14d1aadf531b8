/* aarch64 boot in C, entered from head.S at EL2 with the MMU off, a stack
 * and a clear bss: console, EL2 state, identity map, boot information from
 * the DTB in x0 (or the board's defaults), then the portable kernel. */
#include "aarch64.h"
#include "acpi_setup.h"
#include "arch.h"
#include "bootinfo.h"
#include "console.h"
#include "elf.h"
#include "fdt.h"
#include "irq.h"
#include "kernel.h"
#include "multiboot.h"
#include "panic.h"
#include "percpu.h"
#include "sections.h"
#include "smp.h"
#include "sysreg.h"

#define FDT_MAGIC_LE 0xedfe0dd0u        /* 0xd00dfeed as a little-endian load */
#define FDT_MAX_BYTES (2u << 20)        /* arm64 boot protocol limit */
#define FDT_HEADER_BYTES 40

const unsigned short root_elf_machine = EM_AARCH64;

static struct bootinfo bi;

/* A loader entered at EL1: nothing here can work without EL2. */
static _Noreturn void wrong_el(uint64_t el)
{
    panic("entered at EL%lu: NOVA needs EL2 (QEMU: -M virt,virtualization=on; "
          "firmware must not drop to EL1)", (unsigned long)el);
}

static void map_or_panic(uint64_t base, uint64_t size, enum mem_attr attr, const char *what)
{
    if (!mmu_map(base, size, attr))
        panic("boot: cannot map %s at 0x%lx (+0x%lx) as %s", what, (unsigned long)base,
              (unsigned long)size, attr == MEM_NORMAL ? "memory" : "device");
}

/* The first identity map: the board's RAM, console and interrupt controller.
 * What the DTB adds is mapped once it has been read. */
static void early_map(void)
{
    map_or_panic(board.ram_base, board.ram_size, MEM_NORMAL, "board RAM");
    map_or_panic(board.uart.base, 1, MEM_DEVICE, "console UART");
    map_or_panic(board.gic.gicd, 1, MEM_DEVICE, "GIC distributor");
    uint64_t cpu_if = board.gic.version == GIC_V3 ? board.gic.gicr : board.gic.gicc;
    map_or_panic(cpu_if, 1, MEM_DEVICE, "GIC CPU interface");
    mmu_enable();
}

/* Whether x0 holds a DTB: aligned, right magic. Its header's 2 MiB block
 * is mapped as memory first, then the rest up to totalsize (at most 2 MiB
 * by the boot protocol; fdt_parse rejects more): loaders put it in RAM. */
static bool fdt_present(uint64_t x0)
{
    if (!x0 || x0 % 8 || !mmu_map(x0, FDT_HEADER_BYTES, MEM_NORMAL))
        return false;
    const volatile uint32_t *h = (const volatile uint32_t *)(uintptr_t)x0;
    if (h[0] != FDT_MAGIC_LE)
        return false;
    uint32_t total = __builtin_bswap32(h[1]);
    return mmu_map(x0, total < FDT_MAX_BYTES ? total : FDT_MAX_BYTES, MEM_NORMAL);
}

static void map_usable_memory(void)
{
    for (unsigned i = 0; i < bi.mem_count; i++)
        if (bi.mem[i].type == MEM_USABLE && !mmu_map(bi.mem[i].base, bi.mem[i].size, MEM_NORMAL))
            kprintf("boot: memory %lx+%lx cannot be mapped; it stays unused\n",
                    (unsigned long)bi.mem[i].base, (unsigned long)bi.mem[i].size);
}

static void boot_info_from_fdt(uint64_t x0)
{
    boot_error err = fdt_parse(x0, arch_phys_map, &bi);
    if (err)
        panic("boot: bad FDT: %s", err);
    map_usable_memory();
}

/* Multiboot v2 launch (interface §5.3; our EFI stub, efi_stub.c): the
 * information's first 8 bytes, then its total size, are mapped as memory
 * before the parser reads it; modules lie in the usable memory it lists. */
static void boot_info_from_mb2(uint64_t info)
{
    if (!info || info % 8 || !mmu_map(info, 8, MEM_NORMAL))
        panic("boot: Multiboot v2 information at 0x%lx cannot be mapped", (unsigned long)info);
    uint32_t total = *(const volatile uint32_t *)(uintptr_t)info;
    if (!mmu_map(info, total, MEM_NORMAL))
        panic("boot: Multiboot v2 information at 0x%lx (+0x%x) cannot be mapped",
              (unsigned long)info, total);
    boot_error err = multiboot2_parse(info, arch_phys_map, &bi);
    if (err)
        panic("boot: bad Multiboot v2 information: %s", err);
    map_usable_memory();
}

/* Follow the DTB's stdout-path when it names a UART we drive elsewhere. */
static void console_from_fdt(void)
{
    if (!bi.console_base || bi.console_base == console_uart()->base)
        return;
    enum uart_kind kind = uart_kind_for_compat(bi.console_compat);
    if (kind == UART_NONE) {
        kprintf("boot: DTB console \"%s\" at 0x%lx has no driver; staying on 0x%lx\n",
                bi.console_compat, (unsigned long)bi.console_base,
                (unsigned long)console_uart()->base);
        return;
    }
    if (!mmu_map(bi.console_base, 1, MEM_DEVICE)) {
        kprintf("boot: DTB console at 0x%lx cannot be mapped\n", (unsigned long)bi.console_base);
        return;
    }
    struct board_uart u = board.uart;
    u.kind = kind;
    u.base = bi.console_base;
    if (kind != board.uart.kind)
        u.reg_shift = kind == UART_BCM_AUX ? 2 : 0;
    kprintf("boot: console moves to %s UART at 0x%lx (DTB stdout-path)\n",
            uart_kind_name(kind), (unsigned long)u.base);
    arch_console_flush();
    console_uart_use(&u);
}

void aarch64_boot(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t el)
{
    /* x1: the Multiboot v2 information, or (legacy launch) the root ELF's
     * address, which is not used: modules come via the DTB. The root EC
     * gets X0..X2 as they were (interface §5.6). */
    bi.boot_args[0] = x0;
    bi.boot_args[1] = x1;
    bi.boot_args[2] = x2;
    cpu_of(0)->percpu = &percpu[0];
    console_uart_use(&board.uart);
    if (el < 2)
        wrong_el(el);
    if (el == 3)
        kprintf("boot: entered at EL3 without firmware; dropped to EL2 (no PSCI)\n");
    write_sysreg(hcr_el2, HCR_EL2_KERNEL);
    isb();
    early_map();

    if (x0 == MB2_BOOT_MAGIC) {
        boot_info_from_mb2(x1);
        acpi_setup(&bi);
    } else if (fdt_present(x0)) {
        boot_info_from_fdt(x0);
        console_from_fdt();
    } else {
        kprintf("boot: no DTB in x0 (0x%lx); board defaults: RAM %lx+%lx\n", (unsigned long)x0,
                (unsigned long)board.ram_base, (unsigned long)board.ram_size);
        bi.loader = "none";
        boot_error err = bootinfo_add_mem(&bi, board.ram_base, board.ram_size, MEM_USABLE);
        if (err)
            panic("boot: board RAM: %s", err);
    }
    bi.kernel_start = (uint64_t)(uintptr_t)__kernel_phys_start;
    bi.kernel_end = (uint64_t)(uintptr_t)__kernel_phys_end;
    /* The image, kernel memory pool included, must be normal memory in
     * the identity map: the pool holds page tables, UTCBs and the HIP. */
    if (!mmu_is_normal(bi.kernel_start, bi.kernel_end - bi.kernel_start))
        panic("boot: the kernel image %lx-%lx is not all mapped as memory",
              (unsigned long)bi.kernel_start, (unsigned long)bi.kernel_end);
    irq_setup(&bi);
    smp_boot(&bi);
    kernel_main(&bi);
}
