/* 16550-compatible UARTs on MMIO (Tegra UARTA, stride 4) and the BCM2711
 * mini UART, which keeps the 16550 register layout but lacks loopback.
 * Declared for hardware boards; not emulated here. Firmware sets the baud. */
#include "aarch64.h"
#include "console.h"
#include "mmio.h"
#include "uart.h"

enum { RBR_THR = 0, IER = 1, MCR = 4, LSR = 5 };
#define LSR_DR 0x01u
#define LSR_THRE 0x20u
#define LSR_TEMT 0x40u
#define MCR_LOOP 0x10u

/* Stride 4 means 32-bit registers (Tegra, BCM aux); stride 1 byte access. */
static uint32_t rd(const struct board_uart *u, unsigned reg)
{
    uint64_t a = u->base + ((uint64_t)reg << u->reg_shift);
    return u->reg_shift >= 2 ? mmio_read32(a) : mmio_read8(a);
}

static void wr(const struct board_uart *u, unsigned reg, uint32_t v)
{
    uint64_t a = u->base + ((uint64_t)reg << u->reg_shift);
    if (u->reg_shift >= 2)
        mmio_write32(a, v);
    else
        mmio_write8(a, (uint8_t)v);
}

static bool wait_lsr(const struct board_uart *u, uint32_t bit, uint64_t us)
{
    uint64_t deadline = counter_deadline(us);
    while (!(rd(u, LSR) & bit))
        if (counter_passed(deadline))
            return false;
    return true;
}

static void init(const struct board_uart *u)
{
    wr(u, IER, 0);
}

static void putc(const struct board_uart *u, char c)
{
    if (wait_lsr(u, LSR_THRE, UART_TX_TIMEOUT_US))
        wr(u, RBR_THR, (unsigned char)c);
}

static void flush(const struct board_uart *u)
{
    wait_lsr(u, LSR_TEMT, UART_TX_TIMEOUT_US * 32);
}

static int loopback(const struct board_uart *u, unsigned char byte, const char **why)
{
    if (u->kind == UART_BCM_AUX) {
        *why = "BCM mini UART has no loopback mode";   /* its MCR has RTS only */
        return -2;
    }
    flush(u);
    for (int i = 0; i < UART_DRAIN_MAX && (rd(u, LSR) & LSR_DR); i++)
        rd(u, RBR_THR);
    uint32_t mcr = rd(u, MCR);
    wr(u, MCR, mcr | MCR_LOOP);
    wr(u, RBR_THR, byte);
    int got = wait_lsr(u, LSR_DR, UART_LOOPBACK_TIMEOUT_US) ? (int)(rd(u, RBR_THR) & 0xff) : -1;
    flush(u);
    wr(u, MCR, mcr);
    return got;
}

const struct uart_driver uart_8250 = {"8250", init, putc, flush, loopback};
