/* aarch64 QEMU virt booted through UEFI (board "uefi"): PL011 at
 * 0x09000000; the PCIe ECAM and 32-bit window as on board qemu (the
 * firmware has placed BARs already; the MSI probe places its own). */
#include "libnova/board.h"

const struct nova_board nova_board = {"uefi", &nova_uart_pl011, 0x09000000, 0x4010000000ull,
                                      0x10000000};
