/* EL2 exception vectors. Exceptions of the kernel itself (and from
 * AArch32, which never runs) save the full register state as a struct
 * trap_frame (trap_frame.h) and call aarch64_trap(frame, entry); the
 * handler may change ELR/SPSR in the frame before we return. Those from
 * AArch64 EL0 go to entry.S, which saves into the running EC. */
#include "trap_frame.h"
#include "gpr_frame.h"
#include "uregs.h"

.macro ventry idx
    .balign 0x80
    sub     sp, sp, #TRAP_FRAME_SIZE
    stp     x0, x1, [sp, #0]
    mov     x1, #\idx
    b       trap_common
.endm

.macro uentry target
    .balign 0x80
    sub     sp, sp, #UREGS_FRAME        /* sp was just past the EC's frame */
    stp     x0, x1, [sp, #0]
    b       \target
.endm

    .section .text.vectors, "ax"
    .balign 2048
    .globl el2_vectors
el2_vectors:
    .irp idx, 0, 1, 2, 3, 4, 5, 6, 7
    ventry \idx
    .endr
    uentry  el0_sync
    uentry  el0_irq
    uentry  el0_fiq
    uentry  el0_serror
    .irp idx, 12, 13, 14, 15
    ventry \idx
    .endr

trap_common:
    gpr_pairs stp
    add     x2, sp, #TRAP_FRAME_SIZE        /* sp before the exception */
    stp     x30, x2, [sp, #240]
    mrs     x2, elr_el2
    mrs     x3, spsr_el2
    stp     x2, x3, [sp, #TRAP_FRAME_ELR]
    mrs     x2, esr_el2
    mrs     x3, far_el2
    stp     x2, x3, [sp, #TRAP_FRAME_ESR]
    mov     x0, sp
    bl      aarch64_trap
    ldp     x2, x3, [sp, #TRAP_FRAME_ELR]
    msr     elr_el2, x2
    msr     spsr_el2, x3
    ldp     x0, x1, [sp, #0]
    gpr_pairs ldp
    ldr     x30, [sp, #240]
    add     sp, sp, #TRAP_FRAME_SIZE
    eret

/* EL1 vectors, used only when a loader entered the kernel at EL1: skip an
 * undefined instruction (the exit path's semihosting HLT or PSCI call
 * without a handler), park on anything else. */
.macro v1entry
    .balign 0x80
    b       el1_trap
.endm

    .balign 2048
    .globl el1_vectors
el1_vectors:
    .rept 16
    v1entry
    .endr

el1_trap:
    sub     sp, sp, #16
    stp     x0, x1, [sp]
    mrs     x0, esr_el1
    lsr     x0, x0, #26
    cbnz    x0, 1f
    mrs     x0, elr_el1
    add     x0, x0, #4
    msr     elr_el1, x0
    ldp     x0, x1, [sp]
    add     sp, sp, #16
    eret
1:  wfe
    b       1b
