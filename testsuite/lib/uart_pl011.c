/* Arm PL011 (QEMU virt): the kernel enabled it; the root maps the page as
 * device memory and polls the TX FIFO. */
#include "libnova/board.h"
#include "libnova/device.h"
#include "libnova/io.h"

enum { DR = 0x00, FR = 0x18, FR_BUSY = 1u << 3, FR_TXFF = 1u << 5 };

static uintptr_t regs;

static unsigned attach(uint64_t pa)
{
    return nova_device_map(pa, &regs);
}

static void put(char c)
{
    for (unsigned i = 0; i < NOVA_UART_SPIN && (nova_mmio_read32(regs + FR) & FR_TXFF); i++)
        ;
    nova_mmio_write32(regs + DR, (unsigned char)c);
}

static void flush(void)
{
    for (unsigned i = 0; i < NOVA_UART_SPIN && (nova_mmio_read32(regs + FR) & FR_BUSY); i++)
        ;
}

const struct nova_uart_driver nova_uart_pl011 = {"pl011", attach, put, flush};
