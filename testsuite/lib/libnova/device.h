/* MMIO device pages for aarch64 consoles: one frame from the NOVA host
 * space (physical) into the root host space, device memory (MAD 0 =
 * Device-nGnRnE, not shareable). */
#pragma once
#include <stdint.h>

/* Maps the frame holding pa at a libnova device VA; returns the status and
 * the VA of pa through va. */
unsigned nova_device_map(uint64_t pa, uintptr_t *va);
