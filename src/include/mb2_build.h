/* Building a Multiboot v2 information structure (portable, host-tested
 * against multiboot2_parse): the EFI stub hands the kernel its boot data
 * this way (interface §5.3, launch type Multiboot v2). No allocation, no
 * absolute addresses: it runs before the kernel is at its link address. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bootinfo.h"

struct mb2_build {
    uint8_t *buf;           /* 8-byte aligned */
    uint32_t cap, len;
    uint32_t mmap_tag;      /* offset of the open memory map tag, 0: none */
    bool full;              /* something did not fit: mb2_end fails */
};

void mb2_begin(struct mb2_build *b, void *buf, uint32_t cap);
void mb2_cmdline(struct mb2_build *b, const char *s, size_t len);
/* A module [start, end) with its command line (32-bit addresses). */
void mb2_module(struct mb2_build *b, uint32_t start, uint32_t end, const char *s, size_t len);
/* The ACPI 2.0+ RSDP, copied (tag 15). */
void mb2_acpi_new(struct mb2_build *b, const void *rsdp, uint32_t len);
/* A memory map tag: begin, add entries, end. */
void mb2_mmap_begin(struct mb2_build *b);
void mb2_mmap_add(struct mb2_build *b, uint64_t base, uint64_t size, uint32_t type);
void mb2_mmap_end(struct mb2_build *b);
/* The end tag and the total size; NULL or why the buffer cannot hold it. */
boot_error mb2_end(struct mb2_build *b);
