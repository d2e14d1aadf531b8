/* aarch64 QEMU virt: PL011 at 0x09000000. */
#include "libnova/board.h"

const struct nova_board nova_board = {"qemu", &nova_uart_pl011, 0x09000000};
