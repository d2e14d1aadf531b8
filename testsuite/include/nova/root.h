/* What the root EC finds at its first instruction (spec 5.6) and the boot
 * magics its arguments may carry (spec 5.3, 5.4). */
#pragma once
#include <stdint.h>

/* Root host space: the HIP at 2^H - 4 KiB (the initial SP points at it),
 * the root EC's UTCB 4 KiB below. HIP + 4096 = 2^H. */
#define NOVA_ROOT_HIP_OFFSET  0x1000u   /* below 2^H */
#define NOVA_ROOT_UTCB_OFFSET 0x2000u

/* x86: RDI = EAX at boot, RSI = EBX. aarch64: X0..X2 as at boot. */
#define NOVA_BOOT_MB2_MAGIC 0x36D76289u
#define NOVA_BOOT_MB1_MAGIC 0x2BADB002u

/* Host-virtual address ranges: 0 ≤ HVA < 2^H (spec 5.8). */
#define NOVA_H_MIN_X86 47u
#define NOVA_H_MAX_X86 56u
#define NOVA_H_MIN_A64 32u
#define NOVA_H_MAX_A64 52u

/* Root SC (impl.): budget 1000 ms, priority 127, COS 0. */
#define NOVA_ROOT_SC_BUDGET_MS_IMPL 1000u
