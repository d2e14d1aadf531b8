/* Qualcomm GENI serial engine in UART mode (SDM670 debug UART), write-only:
 * one byte per TX command. The boot loader has configured the engine and
 * its clocks. Declared for hardware; not emulated here, loopback not
 * implemented (its loopback configuration is undocumented publicly). */
#include "aarch64.h"
#include "console.h"
#include "mmio.h"
#include "uart.h"

#define GENI_STATUS 0x40
#define TX_TRANS_LEN 0x270
#define M_CMD0 0x600
#define TX_FIFO 0x700
#define STATUS_CMD_ACTIVE (1u << 0)
#define CMD_START_TX (1u << 27)

static bool idle(const struct board_uart *u, uint64_t us)
{
    uint64_t deadline = counter_deadline(us);
    while (mmio_read32(u->base + GENI_STATUS) & STATUS_CMD_ACTIVE)
        if (counter_passed(deadline))
            return false;
    return true;
}

static void putc(const struct board_uart *u, char c)
{
    if (!idle(u, UART_TX_TIMEOUT_US))
        return;
    mmio_write32(u->base + TX_TRANS_LEN, 1);
    mmio_write32(u->base + M_CMD0, CMD_START_TX);
    mmio_write32(u->base + TX_FIFO, (unsigned char)c);
}

static void flush(const struct board_uart *u)
{
    idle(u, UART_TX_TIMEOUT_US * 32);
}

static int loopback(const struct board_uart *u, unsigned char byte, const char **why)
{
    (void)byte;
    static bool told;
    if (!told)
        kprintf("console: GENI UART at 0x%lx: loopback not implemented in this driver\n",
                (unsigned long)u->base);
    told = true;
    *why = "GENI UART loopback not implemented in this driver";
    return -2;
}

const struct uart_driver uart_geni = {"geni", 0, putc, flush, loopback};
