/* COM1-style 16550 through port I/O. The kernel set it up at boot; the root
 * only takes the ports (base..base+7) and writes. */
#include "libnova/board.h"
#include "libnova/boot.h"
#include "libnova/io.h"

#if defined(__x86_64__)
enum { THR = 0, LSR = 5, LSR_THR_EMPTY = 0x20, LSR_TX_IDLE = 0x40 };

static uint16_t base;

static unsigned attach(uint64_t port)
{
    base = (uint16_t)port;
    return nova_boot_ports(base, 3);
}

static void wait_lsr(uint8_t bit)
{
    for (unsigned i = 0; i < NOVA_UART_SPIN; i++)
        if (nova_inb((uint16_t)(base + LSR)) & bit)
            return;
}

static void put(char c)
{
    wait_lsr(LSR_THR_EMPTY);
    nova_outb((uint16_t)(base + THR), (uint8_t)c);
}

static void flush(void)
{
    wait_lsr(LSR_TX_IDLE);
}

const struct nova_uart_driver nova_uart_16550 = {"16550", attach, put, flush};
#endif
