/* aarch64 Xilinx ZCU102 (and QEMU xlnx-zcu102): Cadence UART0 at 0xFF000000. */
#include "libnova/board.h"

const struct nova_board nova_board = {"zcu102", &nova_uart_cadence, 0xFF000000, 0, 0};
