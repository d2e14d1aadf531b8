/* The board a root ELF is built for: its name (BEGIN's board=) and console.
 * Each executable links one descriptor (testsuite/user/board_*.c). */
#pragma once
#include <stdint.h>

struct nova_uart_driver {
    const char *name;
    /* Obtains the device (ctrl_pd bootstrap) and prepares it; returns a
     * NOVA status (0 = usable). */
    unsigned (*attach)(uint64_t base);
    void (*putc)(char c);
    void (*flush)(void);
};

struct nova_board {
    const char *name;
    const struct nova_uart_driver *uart;
    uint64_t uart_base;             /* I/O port (x86) or physical address */
    /* aarch64 PCIe without firmware: the ECAM (bus 0 first) and a free
     * stretch of the 32-bit memory window for BARs (0: none known). */
    uint64_t pci_ecam, pci_mmio32;
};

extern const struct nova_board nova_board;
extern const struct nova_uart_driver nova_uart_16550, nova_uart_pl011, nova_uart_cadence;
