/* The UEFI memory map as RAM ranges for a Multiboot v2 memory map tag
 * (portable, host-tested; the EFI stub calls it after the last
 * GetMemoryMap, so it allocates nothing and uses no absolute addresses). */
#pragma once
#include <stdint.h>
#include "bootinfo.h"

/* Multiboot v2 memory types. */
enum { MB2_MEM_AVAILABLE = 1, MB2_MEM_RESERVED = 2, MB2_MEM_ACPI = 3, MB2_MEM_NVS = 4,
       MB2_MEM_BAD = 5 };

struct efi_range {
    uint64_t base, size;
    uint32_t type;          /* MB2_MEM_* */
};

/* Converts the map (map_size bytes of desc_size descriptors) into at most
 * max ranges in out, sorted by address, neighbours of one type merged.
 * Memory free after ExitBootServices (conventional, loader and boot
 * services) is available; ACPI reclaim and NVS keep their types; MMIO is
 * left out; everything else is reserved. *count = ranges written. */
boot_error efi_mmap_ranges(const void *map, uint64_t map_size, uint64_t desc_size,
                           struct efi_range *out, unsigned max, unsigned *count);
