/* GDT selectors. SYSCALL loads CS/SS from STAR[47:32] (+0/+8); SYSRET
 * loads SS = STAR[63:48]+8 and CS = STAR[63:48]+16, hence the order. */
#pragma once
#include "layout.h"

#define SEL_USER_BASE 0x18           /* STAR[63:48] */
#define SEL_USER_DATA (0x20 | 3)
#define SEL_USER_CODE (0x28 | 3)
#define SEL_TSS 0x30

#ifndef __ASSEMBLER__
#include <stdint.h>
/* Loads the full GDT with the TSS; rsp0 is where the CPU puts the frame
 * of an interrupt or exception taken in user mode. */
void gdt_init(unsigned cpu);

struct __attribute__((packed)) tss {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3, iomap_base;
    uint8_t iomap[8192 + 1];   /* bit set = port denied; the last byte ends it */
};

/* Copies a PIO space's permissions into the TSS bitmap (NULL: none). */
void tss_load_iomap(const uint8_t *allowed);
#endif
