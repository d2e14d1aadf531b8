/* Qualcomm SDM670 (Pixel 3a class): GENI debug UART (QUP1 SE9 as on SDM845;
 * the DTB's stdout-path overrides it), GICv3, DRAM from 2 GiB. Hardware
 * only; the boot loader passes the real memory map. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "sdm670";

const struct aarch64_board board = {
    .ram_base = 0x80000000, .ram_size = 0x05700000,     /* up to hyp_mem at 0x85700000 */
    .uart = {.kind = UART_GENI, .base = 0x00a84000},
    .gic = {.version = GIC_V3, .gicd = 0x17a00000, .gicr = 0x17a60000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 19200000, BOARD_TIMER_PPIS},
    .cpus = {8, {0x0, 0x100, 0x200, 0x300, 0x400, 0x500, 0x600, 0x700}},
};
