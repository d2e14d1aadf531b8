/* Exception entry stubs: each pushes a uniform frame (vector and error
 * code, 0 where the CPU pushes none) and enters trap_common (entry.S). */
#include "layout.h"

/* Vectors whose exceptions push an error code: 8, 10-14, 17, 21, 29, 30. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
                      (v) == 21 || (v) == 29 || (v) == 30)

    .macro vector_stub v
    .balign 16
vector_\v:
    .if !HAS_ERROR(\v)
    pushq   $0
    .endif
    pushq   $\v
    jmp     trap_common
    .endm

    .text
    .globl trap_vectors
trap_vectors:
    .altmacro
    .set v, 0
    .rept 256
    vector_stub %v
    .set v, v + 1
    .endr
