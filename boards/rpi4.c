/* Raspberry Pi 4 (BCM2711, low peripheral mode): the mini UART that the
 * firmware enables with enable_uart=1, GIC-400 (v2), RAM from 0 (the
 * first 948 MiB the ARM always gets). Hardware only. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "rpi4";

const struct aarch64_board board = {
    .ram_base = 0, .ram_size = 0x3b400000,
    .uart = {.kind = UART_BCM_AUX, .base = 0xfe215040, .reg_shift = 2},
    .gic = {.version = GIC_V2, .gicd = 0xff841000, .gicc = 0xff842000, .gich = 0xff844000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 54000000, BOARD_TIMER_PPIS},
    .cpus = {4, {0, 1, 2, 3}},
};
