/* User register state of an EC on x86_64: the trap frame that entry.S
 * fills on SYSCALL and on traps from user mode. */
#pragma once
#include <stdint.h>
#include "segments.h"
#include "trap_frame.h"

typedef struct trap_frame uregs_t;
_Static_assert(sizeof(uregs_t) % 16 == 0, "the frame's end stays 16-byte aligned");

#define UREGS_HYPERCALL_VECTOR 0x100

/* Hypercall parameter i (0..4): RDI, RSI, RDX, RAX, R8; outputs 0..2
 * go to the same registers (interface §6.3). */
static inline uint64_t *uregs_param(uregs_t *r, unsigned i)
{
    uint64_t *const slot[5] = {&r->rdi, &r->rsi, &r->rdx, &r->rax, &r->r8};
    return slot[i];
}

static inline uint64_t uregs_ip(const uregs_t *r) { return r->rip; }
static inline void uregs_set_ip(uregs_t *r, uint64_t ip) { r->rip = ip; }
static inline uint64_t uregs_sp(const uregs_t *r) { return r->rsp; }
static inline void uregs_set_sp(uregs_t *r, uint64_t sp) { r->rsp = sp; }

/* A fresh user context at ip/sp: 64-bit user segments, IF set. */
static inline void uregs_init(uregs_t *r, uint64_t ip, uint64_t sp)
{
    *r = (uregs_t){0};
    r->rip = ip;
    r->rsp = sp;
    r->cs = SEL_USER_CODE;
    r->ss = SEL_USER_DATA;
    r->rflags = 0x202;
}

/* The arguments a portal handler receives (interface §6.4): PID, MTD. */
static inline void uregs_set_portal_args(uregs_t *r, uint64_t pid, uint64_t mtd)
{
    r->rdi = pid;
    r->rsi = mtd;
}
