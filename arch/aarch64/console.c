/* The boot console: one UART, chosen from the board data and possibly
 * replaced by the DTB's /chosen stdout-path (boot.c). */
#include "aarch64.h"
#include "arch.h"
#include "uart.h"
#include <string.h>

static struct board_uart active;

static const struct uart_driver *driver(enum uart_kind kind)
{
    switch (kind) {
    case UART_PL011: return &uart_pl011;
    case UART_CADENCE: return &uart_cadence;
    case UART_8250:
    case UART_BCM_AUX: return &uart_8250;
    case UART_IMX: return &uart_imx;
    case UART_SCIF: return &uart_scif;
    case UART_GENI: return &uart_geni;
    case UART_NONE: break;
    }
    return 0;
}

void console_uart_use(const struct board_uart *u)
{
    active = *u;
    const struct uart_driver *d = driver(active.kind);
    if (d && d->init)
        d->init(&active);
}

const struct board_uart *console_uart(void)
{
    return &active;
}

const char *uart_kind_name(enum uart_kind kind)
{
    const struct uart_driver *d = driver(kind);
    return d ? (kind == UART_BCM_AUX ? "bcm-aux" : d->name) : "none";
}

/* First compatible strings of the UARTs these boards' DTBs name (prefix
 * match, so SoC-specific variants like "renesas,scif-r8a7796" fit). */
static const struct {
    const char *prefix;
    enum uart_kind kind;
} compat_table[] = {
    {"arm,pl011", UART_PL011},
    {"cdns,uart-r1p", UART_CADENCE},
    {"xlnx,xuartps", UART_CADENCE},
    {"xlnx,zynqmp-uart", UART_CADENCE},
    {"ns16550", UART_8250},
    {"nvidia,tegra", UART_8250},
    {"brcm,bcm2835-aux-uart", UART_BCM_AUX},
    {"fsl,imx", UART_IMX},
    {"renesas,scif", UART_SCIF},
    {"renesas,rcar-gen3-scif", UART_SCIF},
    {"qcom,geni-debug-uart", UART_GENI},
    {"qcom,geni-uart", UART_GENI},
};

enum uart_kind uart_kind_for_compat(const char *compat)
{
    for (unsigned i = 0; i < sizeof compat_table / sizeof compat_table[0]; i++)
        if (!strncmp(compat, compat_table[i].prefix, strlen(compat_table[i].prefix)))
            return compat_table[i].kind;
    return UART_NONE;
}

void arch_console_putc(char c)
{
    const struct uart_driver *d = driver(active.kind);
    if (d)
        d->putc(&active, c);
}

void arch_console_flush(void)
{
    const struct uart_driver *d = driver(active.kind);
    if (d)
        d->flush(&active);
}

int arch_console_loopback(unsigned char byte, const char **why)
{
    const struct uart_driver *d = driver(active.kind);
    if (!d)
        *why = "no console UART";
    return d ? d->loopback(&active, byte, why) : -2;
}
