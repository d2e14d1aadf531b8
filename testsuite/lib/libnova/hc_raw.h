/* The hypercall instruction with all five parameter registers (spec 6.2,
 * 6.3). Every parameter register is treated as possibly changed, whatever
 * the spec's "≡" marks say, so one primitive serves all calls; the status
 * is bits 7..0 of the first register. Registers the tables do not list are
 * assumed preserved (impl. note; doc/libnova.md). */
#pragma once
#include <stdint.h>

/* Always inlined: a latency probe times the hypercall, not a call, and the
 * host test of the register mapping traps only its own code range. */
#define NOVA_INLINE static inline __attribute__((always_inline))

struct nova_regs {
    uint64_t p[5];      /* in: parameters 0..4; out: as the kernel left them */
};

#if defined(__x86_64__)
/* syscall: RDI, RSI, RDX, RAX, R8 in; RDI (status), RSI, RDX out. The CPU
 * overwrites RCX (return RIP) and R11 (RFLAGS). */
NOVA_INLINE unsigned nova_hc_regs(struct nova_regs *r)
{
    register uint64_t r8 __asm__("r8") = r->p[4];
    uint64_t rdi = r->p[0], rsi = r->p[1], rdx = r->p[2], rax = r->p[3];
    __asm__ volatile("syscall"
                     : "+D"(rdi), "+S"(rsi), "+d"(rdx), "+a"(rax), "+r"(r8)
                     :
                     : "rcx", "r11", "memory", "cc");
    r->p[0] = rdi;
    r->p[1] = rsi;
    r->p[2] = rdx;
    r->p[3] = rax;
    r->p[4] = r8;
    return (uint8_t)rdi;
}
#elif defined(__aarch64__)
/* svc #0: X0..X4 in; X0 (status), X1, X2 out. */
NOVA_INLINE unsigned nova_hc_regs(struct nova_regs *r)
{
    register uint64_t x0 __asm__("x0") = r->p[0];
    register uint64_t x1 __asm__("x1") = r->p[1];
    register uint64_t x2 __asm__("x2") = r->p[2];
    register uint64_t x3 __asm__("x3") = r->p[3];
    register uint64_t x4 __asm__("x4") = r->p[4];
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4)
                     :
                     : "memory", "cc");
    r->p[0] = x0;
    r->p[1] = x1;
    r->p[2] = x2;
    r->p[3] = x3;
    r->p[4] = x4;
    return (uint8_t)x0;
}
#else
#error "libnova: unsupported architecture"
#endif

/* One hypercall; out1/out2 (may be 0) receive the second and third
 * registers afterwards. */
NOVA_INLINE unsigned nova_hc(uint64_t p0, uint64_t p1, uint64_t p2, uint64_t p3,
                               uint64_t p4, uint64_t *out1, uint64_t *out2)
{
    struct nova_regs r = {{p0, p1, p2, p3, p4}};
    unsigned s = nova_hc_regs(&r);
    if (out1)
        *out1 = r.p[1];
    if (out2)
        *out2 = r.p[2];
    return s;
}
