/* The register frame vectors.S builds, lowest address first. */
#pragma once
#include <stdint.h>

struct trap_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error;
    uint64_t rip, cs, rflags, rsp, ss;   /* pushed by the CPU */
};

void x86_trap(struct trap_frame *f);
void idt_init(void);
/* Handles interrupt vector (>= 32): EOI, device semaphores. True when
 * what runs may have to change (timer, reschedule IPI, a device's up). */
_Bool x86_interrupt(unsigned vector);
/* Loads the (shared) IDT on this CPU. */
void idt_load(void);
