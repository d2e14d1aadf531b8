/* Renesas SCIF (R-Car Gen3 SCIF2). Declared for hardware; not emulated
 * here. Firmware has enabled TE/RE and set the baud rate. Status flags
 * are cleared by writing 0 to them (writing 1 leaves a flag alone). */
#include "aarch64.h"
#include "mmio.h"
#include "uart.h"

#define SCFTDR 0x0c
#define SCFSR 0x10
#define SCFRDR 0x14
#define SCFCR 0x18
#define SCFDR 0x1c
#define FSR_DR (1u << 0)
#define FSR_RDF (1u << 1)
#define FSR_TDFE (1u << 5)
#define FSR_TEND (1u << 6)
#define FCR_LOOP (1u << 0)
#define FDR_RX_COUNT 0x1fu

static bool wait_fsr(uint64_t base, uint16_t bit, uint64_t us)
{
    uint64_t deadline = counter_deadline(us);
    while (!(mmio_read16(base + SCFSR) & bit))
        if (counter_passed(deadline))
            return false;
    return true;
}

static void clear_fsr(uint64_t base, uint16_t bits)
{
    mmio_write16(base + SCFSR, (uint16_t)~bits);
}

static void putc(const struct board_uart *u, char c)
{
    if (!wait_fsr(u->base, FSR_TDFE, UART_TX_TIMEOUT_US))
        return;
    mmio_write8(u->base + SCFTDR, (uint8_t)c);
    clear_fsr(u->base, FSR_TDFE | FSR_TEND);
}

static void flush(const struct board_uart *u)
{
    wait_fsr(u->base, FSR_TEND, UART_TX_TIMEOUT_US * 32);
}

static bool rx_ready(uint64_t base)
{
    return mmio_read16(base + SCFDR) & FDR_RX_COUNT;
}

/* SCFCR.LOOP wires the transmit output to the receive input. */
static int loopback(const struct board_uart *u, unsigned char byte, const char **why)
{
    (void)why;   /* this UART always has a loopback mode */
    flush(u);
    for (int i = 0; i < UART_DRAIN_MAX && rx_ready(u->base); i++)
        mmio_read8(u->base + SCFRDR);
    clear_fsr(u->base, FSR_DR | FSR_RDF);
    uint16_t fcr = mmio_read16(u->base + SCFCR);
    mmio_write16(u->base + SCFCR, (uint16_t)(fcr | FCR_LOOP));
    putc(u, (char)byte);
    int got = -1;
    uint64_t deadline = counter_deadline(UART_LOOPBACK_TIMEOUT_US);
    while (!rx_ready(u->base) && !counter_passed(deadline))
        ;
    if (rx_ready(u->base))
        got = mmio_read8(u->base + SCFRDR);
    clear_fsr(u->base, FSR_DR | FSR_RDF);
    flush(u);
    mmio_write16(u->base + SCFCR, fcr);
    return got;
}

const struct uart_driver uart_scif = {"scif", 0, putc, flush, loopback};
