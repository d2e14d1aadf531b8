/* NVIDIA Tegra X1 (Jetson TX1/Nano): UARTA (16550, stride 4), GIC-400 (v2),
 * DRAM from 2 GiB. Hardware only. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "tegrax1";

const struct aarch64_board board = {
    .ram_base = 0x80000000, .ram_size = 1ull << 30,
    .uart = {.kind = UART_8250, .base = 0x70006000, .reg_shift = 2},
    .gic = {.version = GIC_V2, .gicd = 0x50041000, .gicc = 0x50042000, .gich = 0x50044000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 19200000, BOARD_TIMER_PPIS},
    .cpus = {4, {0, 1, 2, 3}},
};
