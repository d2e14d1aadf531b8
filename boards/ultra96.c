/* Avnet Ultra96 (Xilinx ZynqMP ZU3EG): Cadence uart1 is the console, GIC-400
 * (v2), 2 GiB DRAM from 0. Hardware only; zcu102 is the emulated ZynqMP. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "ultra96";

const struct aarch64_board board = {
    .ram_base = 0, .ram_size = 0x7ff00000,      /* the top MiB is firmware's */
    .uart = {.kind = UART_CADENCE, .base = 0xff010000},
    .gic = {.version = GIC_V2, .gicd = 0xf9010000, .gicc = 0xf9020000, .gich = 0xf9040000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 100000000, BOARD_TIMER_PPIS},
    .cpus = {4, {0, 1, 2, 3}},
};
