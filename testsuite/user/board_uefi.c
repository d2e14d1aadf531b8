/* aarch64 QEMU virt booted through UEFI (board "uefi"): PL011 at 0x09000000. */
#include "libnova/board.h"

const struct nova_board nova_board = {"uefi", &nova_uart_pl011, 0x09000000};
