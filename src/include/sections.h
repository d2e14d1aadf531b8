/* Symbols every architecture's linker script defines. */
#pragma once

#include "probe.h"

/* Physical range of the whole image, bss and boot stack included. */
extern const char __kernel_phys_start[], __kernel_phys_end[];
/* The probes gathered from the .probes input sections. */
extern const struct probe __probes_start[], __probes_end[];
/* The kernel memory pool: the last part of the image (kernel addresses). */
extern char __kmem_start[], __kmem_end[];
