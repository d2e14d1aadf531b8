/* x86_64 PC (QEMU pc/q35): COM1. */
#include "libnova/board.h"

const struct nova_board nova_board = {"pc", &nova_uart_16550, 0x3F8, 0, 0};
