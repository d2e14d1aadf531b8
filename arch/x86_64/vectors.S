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
    .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    vector_stub \v
    .endr
