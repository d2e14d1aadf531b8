/* A console UART driver: the console code (console.c) picks one by kind.
 * Every wait is bounded, so a dead or unclocked UART drops output instead
 * of hanging the kernel. */
#pragma once
#include "board_data.h"

struct uart_driver {
    const char *name;
    void (*init)(const struct board_uart *u);     /* may be NULL */
    void (*putc)(const struct board_uart *u, char c);
    void (*flush)(const struct board_uart *u);
    /* arch_console_loopback() semantics: the byte, -1 timeout, -2 none
     * (with *why set). */
    int (*loopback)(const struct board_uart *u, unsigned char byte, const char **why);
};

extern const struct uart_driver uart_pl011, uart_cadence, uart_8250, uart_imx,
    uart_scif, uart_geni;

/* Polling limits: one character's time many times over, and the loopback
 * round trip (a few character times at 115200 baud, generous for TCG). */
#define UART_TX_TIMEOUT_US 20000
#define UART_LOOPBACK_TIMEOUT_US 50000
/* Characters read to empty a receive FIFO before a loopback test. */
#define UART_DRAIN_MAX 256
