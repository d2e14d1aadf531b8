/* UEFI memory map -> sorted, merged Multiboot v2 ranges. */
#include "efi_mmap.h"
#include <string.h>

enum { EFI_DESC_MIN = 40, EFI_PAGE = 4096 };

/* UEFI 2.10 table 7-6 EFI_MEMORY_TYPE -> MB2 type; 0 = not RAM (MMIO). */
static uint32_t mb2_type(uint32_t efi_type)
{
    switch (efi_type) {
    case 1: case 2:                     /* loader code/data: ours, given on */
    case 3: case 4:                     /* boot services code/data */
    case 7:                             /* conventional */
        return MB2_MEM_AVAILABLE;
    case 8: return MB2_MEM_BAD;
    case 9: return MB2_MEM_ACPI;
    case 10: return MB2_MEM_NVS;
    case 11: case 12: return 0;         /* MMIO, MMIO port space */
    default: return MB2_MEM_RESERVED;   /* runtime services, reserved, persistent, ... */
    }
}

static void insert_sorted(struct efi_range *r, unsigned n, struct efi_range x)
{
    unsigned i = n;
    while (i && r[i - 1].base > x.base) {
        r[i] = r[i - 1];
        i--;
    }
    r[i] = x;
}

boot_error efi_mmap_ranges(const void *map, uint64_t map_size, uint64_t desc_size,
                           struct efi_range *out, unsigned max, unsigned *count)
{
    *count = 0;
    if (desc_size < EFI_DESC_MIN || desc_size % 8)
        return "UEFI memory map descriptor size is invalid";
    const uint8_t *p = map;
    unsigned n = 0;
    for (uint64_t off = 0; off + desc_size <= map_size; off += desc_size) {
        uint32_t type;
        uint64_t base, pages;
        memcpy(&type, p + off, 4);
        memcpy(&base, p + off + 8, 8);
        memcpy(&pages, p + off + 24, 8);
        uint32_t t = mb2_type(type);
        if (!t || !pages)
            continue;
        if (pages > UINT64_MAX / EFI_PAGE || base + pages * EFI_PAGE < base)
            return "UEFI memory map entry wraps around the address space";
        if (n == max)
            return "UEFI memory map has too many entries";
        insert_sorted(out, n++, (struct efi_range){base, pages * EFI_PAGE, t});
    }
    unsigned m = 0;
    for (unsigned i = 0; i < n; i++) {
        if (m && out[i].base < out[m - 1].base + out[m - 1].size)
            return "UEFI memory map has overlapping entries";
        if (m && out[i].type == out[m - 1].type && out[i].base == out[m - 1].base + out[m - 1].size)
            out[m - 1].size += out[i].size;
        else
            out[m++] = out[i];
    }
    *count = m;
    return 0;
}
