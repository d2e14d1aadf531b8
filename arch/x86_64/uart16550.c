/* The boot console: a 16550 UART at COM1, 115200 8N1, polled. */
#include "arch.h"
#include "io.h"
#include "uart16550.h"

enum {
    COM1 = 0x3F8,
    THR = 0, RBR = 0, DLL = 0, IER = 1, DLM = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5,
    LSR_DATA_READY = 0x01, LSR_THR_EMPTY = 0x20, LSR_TX_IDLE = 0x40,
    LCR_DLAB = 0x80, LCR_8N1 = 0x03, MCR_DTR_RTS = 0x03, MCR_LOOP = 0x10,
};

void uart16550_init(void)
{
    outb(COM1 + IER, 0);
    outb(COM1 + LCR, LCR_DLAB);
    outb(COM1 + DLL, 1);              /* 115200 baud */
    outb(COM1 + DLM, 0);
    outb(COM1 + LCR, LCR_8N1);
    outb(COM1 + FCR, 0x07);           /* enable and clear the FIFOs */
    outb(COM1 + MCR, MCR_DTR_RTS);
}

void arch_console_putc(char c)
{
    while (!(inb(COM1 + LSR) & LSR_THR_EMPTY))
        ;
    outb(COM1 + THR, (uint8_t)c);
}

void arch_console_flush(void)
{
    while (!(inb(COM1 + LSR) & LSR_TX_IDLE))
        ;
}

int arch_console_loopback(unsigned char byte, const char **why)
{
    (void)why;   /* the 16550 always has loopback */
    arch_console_flush();
    uint8_t mcr = inb(COM1 + MCR);
    outb(COM1 + MCR, mcr | MCR_LOOP);
    while (inb(COM1 + LSR) & LSR_DATA_READY)    /* drop stale input */
        (void)inb(COM1 + RBR);
    outb(COM1 + THR, byte);
    int got = -1;
    /* A byte takes ~87 us at 115200 baud; allow 100x that. */
    uint64_t deadline = arch_counter() + arch_counter_hz() / 100;
    while (arch_counter() < deadline)
        if (inb(COM1 + LSR) & LSR_DATA_READY) {
            got = inb(COM1 + RBR);
            break;
        }
    outb(COM1 + MCR, mcr);
    return got;
}
