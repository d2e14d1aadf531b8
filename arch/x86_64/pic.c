/* The legacy 8259 PICs: remapped away from the exception vectors and
 * fully masked, so user mode can run with IF=1 before the APIC is up. */
#include "io.h"
#include "pic.h"

void pic_disable(void)
{
    static const uint8_t init[2][4] = {{0x11, 0x20, 0x04, 0x01}, {0x11, 0x28, 0x02, 0x01}};
    for (int i = 0; i < 2; i++) {
        uint16_t cmd = i ? 0xA0 : 0x20, data = (uint16_t)(cmd + 1);
        outb(cmd, init[i][0]);        /* ICW1: edge, cascade, ICW4 */
        outb(data, init[i][1]);       /* ICW2: vector base 0x20 / 0x28 */
        outb(data, init[i][2]);       /* ICW3: cascade wiring */
        outb(data, init[i][3]);       /* ICW4: 8086 mode */
        outb(data, 0xFF);             /* mask every line */
    }
}
