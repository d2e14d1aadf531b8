/* NXP i.MX8MQ EVK: UART1, GICv3, DRAM from 1 GiB (3 GiB on the EVK; 1 GiB
 * assumed without a DTB). Hardware only. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "imx8mq";

const struct aarch64_board board = {
    .ram_base = 0x40000000, .ram_size = 1ull << 30,
    .uart = {.kind = UART_IMX, .base = 0x30860000},
    .gic = {.version = GIC_V3, .gicd = 0x38800000, .gicr = 0x38880000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 8333333, BOARD_TIMER_PPIS},
    .cpus = {4, {0, 1, 2, 3}},
};
