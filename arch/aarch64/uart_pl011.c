/* Arm PL011 UART (QEMU virt). Firmware or QEMU has set the baud rate; we
 * only make sure the UART, transmitter and receiver are on. */
#include "aarch64.h"
#include "console.h"
#include "mmio.h"
#include "uart.h"

#define DR 0x00
#define FR 0x18
#define LCR_H 0x2c
#define CR 0x30
#define IMSC 0x38
#define FR_BUSY (1u << 3)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define FR_TXFE (1u << 7)
#define CR_UARTEN (1u << 0)
#define CR_LBE (1u << 7)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define LCR_H_8N1_FIFO 0x70u
#define DR_ERRORS 0xf00u

static bool wait_fr(uint64_t base, uint32_t mask, uint32_t want, uint64_t us)
{
    uint64_t deadline = counter_deadline(us);
    while ((mmio_read32(base + FR) & mask) != want)
        if (counter_passed(deadline))
            return false;
    return true;
}

static void init(const struct board_uart *u)
{
    uint32_t cr = mmio_read32(u->base + CR);
    mmio_write32(u->base + IMSC, 0);
    if (!(cr & CR_UARTEN))
        mmio_write32(u->base + LCR_H, LCR_H_8N1_FIFO);
    mmio_write32(u->base + CR, (cr & ~CR_LBE) | CR_UARTEN | CR_TXE | CR_RXE);
}

static void putc(const struct board_uart *u, char c)
{
    if (wait_fr(u->base, FR_TXFF, 0, UART_TX_TIMEOUT_US))
        mmio_write32(u->base + DR, (unsigned char)c);
}

static void flush(const struct board_uart *u)
{
    wait_fr(u->base, FR_TXFE | FR_BUSY, FR_TXFE, UART_TX_TIMEOUT_US * 32);
}

static int roundtrip(const struct board_uart *u, unsigned char byte)
{
    flush(u);
    for (int i = 0; i < UART_DRAIN_MAX && !(mmio_read32(u->base + FR) & FR_RXFE); i++)
        mmio_read32(u->base + DR);
    uint32_t cr = mmio_read32(u->base + CR);
    mmio_write32(u->base + CR, cr | CR_LBE);
    mmio_write32(u->base + DR, byte);
    int got = -1;
    if (wait_fr(u->base, FR_RXFE, 0, UART_LOOPBACK_TIMEOUT_US)) {
        uint32_t dr = mmio_read32(u->base + DR);
        got = dr & DR_ERRORS ? -1 : (int)(dr & 0xff);
    }
    flush(u);
    mmio_write32(u->base + CR, cr);
    return got;
}

/* QEMU 7.2's PL011 model ignores CR.LBE (later QEMUs model it, but also
 * send the looped byte out on the serial line). On a board that says it
 * may run on such a model, one harmless byte (CR) finds out first; if it
 * does not come back, the UART has no usable loopback here and we say so.
 * If it does, a line break after each byte keeps any copy that leaked to
 * the console off the protocol lines. */
static int loopback(const struct board_uart *u, unsigned char byte, const char **why)
{
    static int modelled = -1;
    if (!u->loopback_may_be_unmodelled)
        return roundtrip(u, byte);
    if (modelled < 0) {
        modelled = roundtrip(u, '\r') == '\r';
        if (!modelled)
            kprintf("\nconsole: PL011 at 0x%lx ignored loopback mode (CR.LBE): the "
                    "emulator does not model it (QEMU 7.2); reporting no loopback\n",
                    (unsigned long)u->base);
    }
    if (!modelled) {
        *why = "PL011 loopback (CR.LBE) is not modelled by this emulator";
        return -2;
    }
    int got = roundtrip(u, byte);
    putc(u, '\r');
    putc(u, '\n');
    return got;
}

const struct uart_driver uart_pl011 = {"pl011", init, putc, flush, loopback};
