/* Device access: x86 port I/O (needs PIO capabilities in the EC's PIO
 * space) and MMIO (needs a device mapping in the host space). */
#pragma once
#include <stdint.h>

#if defined(__x86_64__)
static inline void nova_outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

static inline uint8_t nova_inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port) : "memory");
    return v;
}
#endif

static inline uint32_t nova_mmio_read32(uintptr_t a)
{
    return *(volatile uint32_t *)a;
}

static inline void nova_mmio_write32(uintptr_t a, uint32_t v)
{
    *(volatile uint32_t *)a = v;
}

/* Bound for polling a device status bit: a dead UART must not hang us. */
#define NOVA_UART_SPIN 1000000u
