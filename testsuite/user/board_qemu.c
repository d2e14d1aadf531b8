/* aarch64 QEMU virt: PL011 at 0x09000000; PCIe ECAM (highmem, the DTB's
 * pci-host-ecam-generic reg with -m below 256 GiB) at 0x4010000000, the
 * 32-bit memory window from 0x10000000 (QEMU 7.2). */
#include "libnova/board.h"

const struct nova_board nova_board = {"qemu", &nova_uart_pl011, 0x09000000, 0x4010000000ull,
                                      0x10000000};
