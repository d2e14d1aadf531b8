/* From the loader's hand-over to kernel_main: console, traps, TSC, then
 * the multiboot information in loader-independent form. */
#include "arch.h"
#include "bootinfo.h"
#include "kernel.h"
#include "multiboot.h"
#include "panic.h"
#include "sections.h"
#include "trap_frame.h"
#include "tsc.h"
#include "uart16550.h"
#include "cpu_setup.h"
#include "acpi_boot.h"
#include "kernel_lock.h"
#include "lapic.h"
#include "pic.h"
#include "segments.h"

extern char boot_stack_top[];

void x86_boot(uint64_t magic, uint64_t info);

static struct bootinfo boot;

void x86_boot(uint64_t magic, uint64_t info)
{
    kernel_lock_enabled = true;
    kernel_lock();                    /* held until the first exit to user mode */
    uart16550_init();
    gdt_init(0);
    idt_init();
    pic_disable();
    cpu_setup(0, (uint64_t)(uintptr_t)boot_stack_top);
    tsc_calibrate();
    lapic_init();

    boot_error err;
    if (magic == MB1_BOOT_MAGIC)
        err = multiboot1_parse(info, arch_phys_map, &boot);
    else if (magic == MB2_BOOT_MAGIC)
        err = multiboot2_parse(info, arch_phys_map, &boot);
    else
        panic("boot: unknown loader magic 0x%lx (need multiboot v1 or v2)", (unsigned long)magic);
    if (err)
        panic("boot: bad %s information: %s", magic == MB1_BOOT_MAGIC ? "multiboot1" : "multiboot2", err);

    boot.kernel_start = (uint64_t)(uintptr_t)__kernel_phys_start;
    boot.kernel_end = (uint64_t)(uintptr_t)__kernel_phys_end;
    boot.acpi_rsdp = acpi_setup(boot.acpi_rsdp);
    boot.boot_args[0] = magic;
    boot.boot_args[1] = info;
    kernel_main(&boot);
}
