/* Entry code for libnova's ECs and the exception-recovery jumps. */
    .text

/* Portal entry (spec 6.4): RDI = PID, RSI = MTD, RSP = the EC's descriptor
 * (the stack top it was created with, and the SP of its last reply).
 * The handler's result is the reply MTD; ipc_reply (0x1) never returns. */
    .globl nova_portal_entry
    .type nova_portal_entry, @function
nova_portal_entry:
    mov %rsp, %rdx
    xor %ebp, %ebp
    call nova_portal_dispatch
    mov %rax, %rsi
    mov $1, %edi
    syscall
    ud2
    .size nova_portal_entry, . - nova_portal_entry

/* Where a global thread starts (the STARTUP reply sets RIP here); RSP is
 * the create_ec sp = its descriptor. Afterwards the exit trap makes the
 * root monitor kill it. */
    .globl nova_thread_entry, nova_thread_exit_trap
    .type nova_thread_entry, @function
nova_thread_entry:
    mov %rsp, %rdi
    xor %ebp, %ebp
    call nova_thread_main
nova_thread_exit_trap:
    ud2
    jmp nova_thread_exit_trap
    .size nova_thread_entry, . - nova_thread_entry

/* int nova_setjmp(struct nova_jmp *): rbx rbp r12-r15 rsp rip. */
    .globl nova_setjmp
    .type nova_setjmp, @function
nova_setjmp:
    mov %rbx, 0(%rdi)
    mov %rbp, 8(%rdi)
    mov %r12, 16(%rdi)
    mov %r13, 24(%rdi)
    mov %r14, 32(%rdi)
    mov %r15, 40(%rdi)
    lea 8(%rsp), %rdx
    mov %rdx, 48(%rdi)
    mov (%rsp), %rdx
    mov %rdx, 56(%rdi)
    xor %eax, %eax
    ret
    .size nova_setjmp, . - nova_setjmp

/* void nova_longjmp(struct nova_jmp *, int val): setjmp returns val (1 if 0). */
    .globl nova_longjmp
    .type nova_longjmp, @function
nova_longjmp:
    mov %esi, %eax
    test %eax, %eax
    jnz 1f
    inc %eax
1:  mov 0(%rdi), %rbx
    mov 8(%rdi), %rbp
    mov 16(%rdi), %r12
    mov 24(%rdi), %r13
    mov 32(%rdi), %r14
    mov 40(%rdi), %r15
    mov 48(%rdi), %rsp
    jmp *56(%rdi)
    .size nova_longjmp, . - nova_longjmp

/* The root monitor resumes a faulted root EC here, with RSP below the
 * active try frame's stack: unwind to it. */
    .globl nova_try_landing
    .type nova_try_landing, @function
nova_try_landing:
    and $-16, %rsp
    call nova_try_unwind
    ud2
    .size nova_try_landing, . - nova_try_landing

/* void nova_raise_ud(void): one undefined instruction at nova_ud_insn;
 * a handler resumes past it (NOVA_UD_LEN bytes). */
    .globl nova_raise_ud, nova_ud_insn
    .type nova_raise_ud, @function
nova_raise_ud:
nova_ud_insn:
    ud2
    ret
    .size nova_raise_ud, . - nova_raise_ud

    .section .note.GNU-stack, "", %progbits
