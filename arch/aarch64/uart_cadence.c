/* Cadence UART (Xilinx ZynqMP uart0/uart1). Out of reset (QEMU) it is
 * disabled: set 8N1 normal mode and enable TX/RX before use. The baud rate
 * generator stays as firmware left it (QEMU does not model it). */
#include "aarch64.h"
#include "mmio.h"
#include "uart.h"

#define CR 0x00
#define MR 0x04
#define IDR 0x0c
#define SR 0x2c
#define FIFO 0x30
#define CR_RX_EN (1u << 2)
#define CR_RX_DIS (1u << 3)
#define CR_TX_EN (1u << 4)
#define CR_TX_DIS (1u << 5)
#define MR_CHMODE_MASK (3u << 8)
#define MR_CHMODE_LOCAL_LOOP (2u << 8)
#define MR_FORMAT_MASK 0xfeu        /* length, parity, stop bits (keep CLKSEL) */
#define MR_8N1 (4u << 3)            /* parity "none"; 8 data, 1 stop are 0 */
#define SR_RXEMPTY (1u << 1)
#define SR_TXEMPTY (1u << 3)
#define SR_TXFULL (1u << 4)
#define SR_TACTIVE (1u << 11)

static bool wait_sr(uint64_t base, uint32_t mask, uint32_t want, uint64_t us)
{
    uint64_t deadline = counter_deadline(us);
    while ((mmio_read32(base + SR) & mask) != want)
        if (counter_passed(deadline))
            return false;
    return true;
}

static void init(const struct board_uart *u)
{
    uint32_t mr = mmio_read32(u->base + MR);
    mmio_write32(u->base + IDR, 0x1fff);            /* polled: no interrupts */
    mmio_write32(u->base + MR, (mr & ~(MR_CHMODE_MASK | MR_FORMAT_MASK)) | MR_8N1);
    uint32_t cr = mmio_read32(u->base + CR) & ~(CR_RX_DIS | CR_TX_DIS);
    mmio_write32(u->base + CR, cr | CR_RX_EN | CR_TX_EN);
}

static void putc(const struct board_uart *u, char c)
{
    if (wait_sr(u->base, SR_TXFULL, 0, UART_TX_TIMEOUT_US))
        mmio_write32(u->base + FIFO, (unsigned char)c);
}

static void flush(const struct board_uart *u)
{
    wait_sr(u->base, SR_TXEMPTY | SR_TACTIVE, SR_TXEMPTY, UART_TX_TIMEOUT_US * 64);
}

/* Local loopback (MR.CHMODE = 2) routes the transmitter to the receiver. */
static int loopback(const struct board_uart *u, unsigned char byte, const char **why)
{
    (void)why;   /* this UART always has a loopback mode */
    flush(u);
    for (int i = 0; i < UART_DRAIN_MAX && !(mmio_read32(u->base + SR) & SR_RXEMPTY); i++)
        mmio_read32(u->base + FIFO);
    uint32_t mr = mmio_read32(u->base + MR);
    mmio_write32(u->base + MR, (mr & ~MR_CHMODE_MASK) | MR_CHMODE_LOCAL_LOOP);
    mmio_write32(u->base + FIFO, byte);
    int got = -1;
    if (wait_sr(u->base, SR_RXEMPTY, 0, UART_LOOPBACK_TIMEOUT_US))
        got = (int)(mmio_read32(u->base + FIFO) & 0xff);
    flush(u);
    mmio_write32(u->base + MR, mr);
    return got;
}

const struct uart_driver uart_cadence = {"cadence", init, putc, flush, loopback};
