/* The register frame vectors.S builds, lowest address first. */
#pragma once

/* Offsets for the entry code. */
#define F_R15 0
#define F_R14 8
#define F_R13 16
#define F_R12 24
#define F_R11 32
#define F_R10 40
#define F_R9 48
#define F_R8 56
#define F_RBP 64
#define F_RDI 72
#define F_RSI 80
#define F_RDX 88
#define F_RCX 96
#define F_RBX 104
#define F_RAX 112
#define F_RIP 136
#define F_RFLAGS 152
#define F_RSP 160
#define F_SIZE 176

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error;
    uint64_t rip, cs, rflags, rsp, ss;   /* pushed by the CPU */
};

_Static_assert(__builtin_offsetof(struct trap_frame, r8) == F_R8, "entry.S offset");
_Static_assert(__builtin_offsetof(struct trap_frame, rax) == F_RAX, "entry.S offset");
_Static_assert(__builtin_offsetof(struct trap_frame, rip) == F_RIP, "entry.S offset");
_Static_assert(__builtin_offsetof(struct trap_frame, rflags) == F_RFLAGS, "entry.S offset");
_Static_assert(__builtin_offsetof(struct trap_frame, rsp) == F_RSP, "entry.S offset");
_Static_assert(sizeof(struct trap_frame) == F_SIZE, "entry.S offset");

void x86_trap(struct trap_frame *f);
void idt_init(void);
/* Handles interrupt vector (>= 32): EOI, device semaphores. True when
 * what runs may have to change (timer, reschedule IPI, a device's up). */
_Bool x86_interrupt(unsigned vector);
/* Loads the (shared) IDT on this CPU. */
void idt_load(void);
#endif
