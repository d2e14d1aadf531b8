/* QEMU virt (-M virt,virtualization=on): PL011, GICv2 or v3 (gic-version),
 * PSCI over SMC, RAM from 1 GiB. The DTB QEMU passes gives the real RAM. */
#include "board.h"
#include "board_data.h"

const char board_name[] = "qemu";

const struct aarch64_board board = {
    .ram_base = 0x40000000, .ram_size = 128u << 20,    /* QEMU's default -m */
    .uart = {.kind = UART_PL011, .base = 0x09000000, .loopback_may_be_unmodelled = true},
    .gic = {.version = GIC_V2, .gicd = 0x08000000, .gicc = 0x08010000, .gicr = 0x080a0000,
            .gich = 0x08030000},
    .psci = PSCI_SMC,
    .timer = {.hz_fallback = 62500000, BOARD_TIMER_PPIS},
    .cpus = {8, {0, 1, 2, 3, 4, 5, 6, 7}},
};
