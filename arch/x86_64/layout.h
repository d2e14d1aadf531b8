/* Virtual memory layout of the x86_64 kernel (shared by C and assembly). */
#pragma once

/* The kernel image runs in the top 2 GiB (-mcmodel=kernel), mapping
 * physical 0..1 GiB. */
#define KERNEL_VIRT_OFFSET 0xFFFFFFFF80000000
/* Direct map of physical 0..4 GiB for boot data and devices. */
#define DIRECT_MAP_BASE 0xFFFF800000000000
#define DIRECT_MAP_SIZE 0x100000000

#define SEL_KERNEL_CODE 0x08
#define SEL_KERNEL_DATA 0x10
