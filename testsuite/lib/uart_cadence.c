/* Cadence UART (ZynqMP, QEMU xlnx-zcu102): the kernel enabled TX; the root
 * maps the page as device memory and polls the status register. */
#include "libnova/board.h"
#include "libnova/device.h"
#include "libnova/io.h"

enum { SR = 0x2C, FIFO = 0x30, SR_TXEMPTY = 1u << 3, SR_TXFULL = 1u << 4, SR_TACTIVE = 1u << 11 };

static uintptr_t regs;

static unsigned attach(uint64_t pa)
{
    return nova_device_map(pa, &regs);
}

static void put(char c)
{
    for (unsigned i = 0; i < NOVA_UART_SPIN && (nova_mmio_read32(regs + SR) & SR_TXFULL); i++)
        ;
    nova_mmio_write32(regs + FIFO, (unsigned char)c);
}

static void flush(void)
{
    for (unsigned i = 0; i < NOVA_UART_SPIN &&
                         (nova_mmio_read32(regs + SR) & (SR_TXEMPTY | SR_TACTIVE)) != SR_TXEMPTY; i++)
        ;
}

const struct nova_uart_driver nova_uart_cadence = {"cadence", attach, put, flush};
