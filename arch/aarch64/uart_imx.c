/* NXP i.MX UART (i.MX8MQ UART1). Declared for hardware; not emulated here.
 * Firmware has enabled it and set the baud rate. */
#include "aarch64.h"
#include "mmio.h"
#include "uart.h"

#define URXD 0x00
#define UTXD 0x40
#define USR2 0x98
#define UTS 0xb4
#define URXD_ERR (1u << 14)
#define USR2_TXDC (1u << 3)
#define UTS_TXFULL (1u << 4)
#define UTS_RXEMPTY (1u << 5)
#define UTS_LOOP (1u << 12)

static bool wait_reg(uint64_t a, uint32_t mask, uint32_t want, uint64_t us)
{
    uint64_t deadline = counter_deadline(us);
    while ((mmio_read32(a) & mask) != want)
        if (counter_passed(deadline))
            return false;
    return true;
}

static void putc(const struct board_uart *u, char c)
{
    if (wait_reg(u->base + UTS, UTS_TXFULL, 0, UART_TX_TIMEOUT_US))
        mmio_write32(u->base + UTXD, (unsigned char)c);
}

static void flush(const struct board_uart *u)
{
    wait_reg(u->base + USR2, USR2_TXDC, USR2_TXDC, UART_TX_TIMEOUT_US * 32);
}

/* UTS.LOOP connects the transmitter to the receiver internally. */
static int loopback(const struct board_uart *u, unsigned char byte, const char **why)
{
    (void)why;   /* this UART always has a loopback mode */
    flush(u);
    for (int i = 0; i < UART_DRAIN_MAX && !(mmio_read32(u->base + UTS) & UTS_RXEMPTY); i++)
        mmio_read32(u->base + URXD);
    uint32_t uts = mmio_read32(u->base + UTS);
    mmio_write32(u->base + UTS, uts | UTS_LOOP);
    mmio_write32(u->base + UTXD, byte);
    int got = -1;
    if (wait_reg(u->base + UTS, UTS_RXEMPTY, 0, UART_LOOPBACK_TIMEOUT_US)) {
        uint32_t rx = mmio_read32(u->base + URXD);
        got = rx & URXD_ERR ? -1 : (int)(rx & 0xff);
    }
    flush(u);
    mmio_write32(u->base + UTS, uts);
    return got;
}

const struct uart_driver uart_imx = {"imx", 0, putc, flush, loopback};
