/* Multiboot v1 and v2 information parsers (portable, host-tested). */
#pragma once
#include <stdint.h>
#include "bootinfo.h"

#define MB1_BOOT_MAGIC 0x2BADB002u
#define MB2_BOOT_MAGIC 0x36D76289u

/* Parse the information structure at physical address info into bi.
 * Every pointer is read through read(), which bounds all accesses. */
boot_error multiboot1_parse(uint64_t info, phys_reader *read, struct bootinfo *bi);
boot_error multiboot2_parse(uint64_t info, phys_reader *read, struct bootinfo *bi);
