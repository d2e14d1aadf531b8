/* Device assignment descriptor for assign_dev (spec 3.11). */
#pragma once
#include <stdint.h>

/* x86-64: PCI segment:bus:device.function; bits 63..32 ignored. */
static inline uint64_t nova_dad_x86(unsigned seg, unsigned bus, unsigned dev, unsigned fn)
{
    return (fn & 0x7u) | (dev & 0x1Fu) << 3 | (bus & 0xFFu) << 8 |
           (uint64_t)(seg & 0xFFFFu) << 16;
}

/* aarch64: stream ID and mask (1 = ignore that SID bit), stream mapping
 * group (< SMG_NUM) and translation context (< CTX_NUM); 63..48 ignored. */
static inline uint64_t nova_dad_arm(unsigned sid, unsigned mask, unsigned smg, unsigned ctx)
{
    return (sid & 0xFFFFu) | (uint64_t)(mask & 0xFFFFu) << 16 |
           (uint64_t)(smg & 0xFFu) << 32 | (uint64_t)(ctx & 0xFFu) << 40;
}
