/* The interrupt descriptor table: every vector has a stub (exceptions
 * 0..31, interrupts above). */
#include <stdint.h>
#include "layout.h"
#include "trap_frame.h"

struct __attribute__((packed)) idt_gate {
    uint16_t offset_lo, selector;
    uint8_t ist, type;
    uint16_t offset_mid;
    uint32_t offset_hi, reserved;
};

enum { STUB_SIZE = 16, GATE_INTERRUPT = 0x8E };

extern const char trap_vectors[];
static struct idt_gate idt[256] __attribute__((aligned(16)));

void idt_init(void)
{
    for (unsigned v = 0; v < 256; v++) {
        uint64_t at = (uint64_t)(uintptr_t)trap_vectors + v * STUB_SIZE;
        idt[v] = (struct idt_gate){
            .offset_lo = (uint16_t)at, .selector = SEL_KERNEL_CODE, .type = GATE_INTERRUPT,
            .offset_mid = (uint16_t)(at >> 16), .offset_hi = (uint32_t)(at >> 32)};
    }
    idt_load();
}

void idt_load(void)
{
    struct __attribute__((packed)) { uint16_t limit; uint64_t base; } desc = {
        sizeof idt - 1, (uint64_t)(uintptr_t)idt};
    __asm__ volatile("lidt %0" : : "m"(desc));
}
