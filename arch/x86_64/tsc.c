/* TSC calibration against the 1.193182 MHz PIT, channel 2 gated through
 * port 0x61 so no interrupt is needed. */
#include "io.h"
#include "arch.h"
#include "tsc.h"

uint64_t tsc_hz;

enum {
    PIT_HZ = 1193182, PIT_CH2 = 0x42, PIT_CMD = 0x43, PORT_B = 0x61,
    WINDOW_MS = 10, TICKS = PIT_HZ * WINDOW_MS / 1000,
};

void tsc_calibrate(void)
{
    uint8_t b = inb(PORT_B);
    outb(PORT_B, (uint8_t)((b & ~0x02) | 0x01));   /* gate on, speaker off */
    outb(PIT_CMD, 0xB0);                           /* ch2, lo/hi, mode 0 */
    outb(PIT_CH2, TICKS & 0xff);
    outb(PIT_CH2, TICKS >> 8);
    uint64_t start = arch_counter();
    /* OUT2 (bit 5) rises when the count reaches zero; bound the wait in
     * case there is no PIT at all. */
    for (unsigned long spin = 0; !(inb(PORT_B) & 0x20); spin++)
        if (spin > 100000000ul) {
            tsc_hz = 0;
            outb(PORT_B, b);
            return;
        }
    uint64_t end = arch_counter();
    outb(PORT_B, b);
    tsc_hz = (end - start) * (1000 / WINDOW_MS);
}
