/* Root EC entry (spec 5.6): SP = HIP (read-only), X0..X2 as at boot.
 * Switch to the image's own stack and call
 * nova_rt_start(hip, arg0, arg1, arg2). */
    .section .text.start, "ax"
    .globl _start
    .type _start, %function
_start:
    mov x3, x2
    mov x2, x1
    mov x1, x0
    mov x0, sp
    adrp x9, nova_root_stack_top
    add x9, x9, :lo12:nova_root_stack_top
    mov sp, x9
    mov x29, xzr
    mov x30, xzr
    bl nova_rt_start
    udf #0
    .size _start, . - _start

    .section .bss.nova_root_stack, "aw", %nobits
    .balign 16
    .globl nova_root_stack, nova_root_stack_top
nova_root_stack:
    .space 32768
nova_root_stack_top:

    .section .note.GNU-stack, "", %progbits
