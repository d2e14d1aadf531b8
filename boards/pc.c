/* The x86_64 PC: 16550 COM1, isa-debug-exit under QEMU. */
#include "board.h"

const char board_name[] = "pc";
