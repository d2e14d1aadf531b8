/* Root EC entry (spec 5.6): RSP = HIP (read-only), RDI/RSI = EAX/EBX at
 * boot. Switch to the image's own stack and call
 * nova_rt_start(hip, arg0, arg1, arg2). */
    .section .text.start, "ax"
    .globl _start
    .type _start, @function
_start:
    mov %rsi, %rdx
    mov %rdi, %rsi
    xor %ecx, %ecx
    mov %rsp, %rdi
    lea nova_root_stack_top(%rip), %rsp
    xor %ebp, %ebp
    call nova_rt_start
    ud2
    .size _start, . - _start

    .section .bss.nova_root_stack, "aw", %nobits
    .balign 16
    .globl nova_root_stack, nova_root_stack_top
nova_root_stack:
    .space 32768
nova_root_stack_top:

    .section .note.GNU-stack, "", %progbits
