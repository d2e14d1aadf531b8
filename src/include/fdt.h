/* Flattened device tree parser (portable, host-tested). */
#pragma once
#include <stdint.h>
#include "bootinfo.h"

/* Validates the blob at physical address fdt (header, block bounds, token
 * stream, strings) and fills bi with memory (/memory reg, minus
 * /memreserve/ entries are left to the caller), /chosen bootargs, the
 * initrd as module 0, and the console named by /chosen stdout-path. */
boot_error fdt_parse(uint64_t fdt, phys_reader *read, struct bootinfo *bi);
