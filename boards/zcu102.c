/* Xilinx ZCU102 (ZynqMP ZU9EG), also QEMU -M xlnx-zcu102: Cadence uart0,
 * GIC-400 (v2), DRAM from 0. Without a DTB 1 GiB is assumed (QEMU -m 1G);
 * boards/zcu102.dts is the DTB for QEMU, which has none of its own. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "zcu102";

const struct aarch64_board board = {
    .ram_base = 0, .ram_size = 1ull << 30,
    .uart = {.kind = UART_CADENCE, .base = 0xff000000},
    .gic = {.version = GIC_V2, .gicd = 0xf9010000, .gicc = 0xf9020000, .gich = 0xf9040000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 100000000, BOARD_TIMER_PPIS},
    .cpus = {4, {0, 1, 2, 3}},
};
