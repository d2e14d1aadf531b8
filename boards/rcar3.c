/* Renesas R-Car M3 (Salvator-X): SCIF2 console, GIC-400 (v2), the first
 * DRAM bank from 0x48000000 (below is secure). Hardware only. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "rcar3";

const struct aarch64_board board = {
    .ram_base = 0x48000000, .ram_size = 0x38000000,
    .uart = {.kind = UART_SCIF, .base = 0xe6e88000},
    .gic = {.version = GIC_V2, .gicd = 0xf1010000, .gicc = 0xf1020000, .gich = 0xf1040000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 8333333, BOARD_TIMER_PPIS},
    .cpus = {8, {0x0, 0x1, 0x2, 0x3, 0x100, 0x101, 0x102, 0x103}},
};
