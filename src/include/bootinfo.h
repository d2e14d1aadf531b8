/* Boot information in a loader-independent form, filled by the multiboot
 * parsers (x86) or the FDT parser (aarch64) and checked by the kernel. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BOOT_MEM_MAX 64
#define BOOT_MOD_MAX 16
#define BOOT_CMDLINE_MAX 256

enum mem_type { MEM_USABLE = 1, MEM_RESERVED = 2 };

struct mem_region {
    uint64_t base, size;
    enum mem_type type;
};

struct boot_module {
    uint64_t start, end;   /* physical, end exclusive */
    char cmdline[BOOT_CMDLINE_MAX];
};

struct bootinfo {
    const char *loader;    /* "multiboot1", "multiboot2", "fdt", "none" */
    char cmdline[BOOT_CMDLINE_MAX];
    struct mem_region mem[BOOT_MEM_MAX];
    unsigned mem_count;
    struct boot_module mod[BOOT_MOD_MAX];
    unsigned mod_count;
    uint64_t kernel_start, kernel_end;  /* physical, end exclusive */
    /* Console found in the boot data (FDT stdout-path); 0 when none. */
    uint64_t console_base;
    char console_compat[32];
    uint64_t fdt_addr;     /* physical address of the DTB, 0 when none */
    uint64_t fdt_size;
    uint64_t acpi_rsdp;    /* physical address of an RSDP (copy), 0 when none */
    /* The root EC's first arguments: the registers the loader gave us
     * (x86: EAX, EBX; aarch64: X0..X2; interface §5.6). */
    uint64_t boot_args[3];
};

/* Result of a parser: NULL on success, otherwise a static reason string. */
typedef const char *boot_error;

/* Maps physical [pa, pa+len) for reading; NULL when it is not accessible.
 * The kernel gives its direct map, host tests a buffer. */
typedef const void *phys_reader(uint64_t pa, uint64_t len);

boot_error bootinfo_add_mem(struct bootinfo *bi, uint64_t base, uint64_t size, enum mem_type type);
boot_error bootinfo_add_module(struct bootinfo *bi, uint64_t start, uint64_t end, const char *cmdline, size_t cmdline_len);
void bootinfo_set_cmdline(struct bootinfo *bi, const char *s, size_t len);

/* Total bytes of usable memory. */
uint64_t bootinfo_usable_bytes(const struct bootinfo *bi);
/* Whether [base, base+size) lies entirely inside one usable region. */
bool bootinfo_is_usable(const struct bootinfo *bi, uint64_t base, uint64_t size);
/* Whether the command line holds the word (space-separated; "w" or "w=..."). */
bool bootinfo_has_word(const char *cmdline, const char *word);
/* Checks the parsed map: at least one usable region, no overlap of usable
 * regions, the kernel inside usable memory, modules inside memory. */
boot_error bootinfo_check(const struct bootinfo *bi);
