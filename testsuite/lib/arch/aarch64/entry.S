/* Entry code for libnova's ECs and the exception-recovery jumps. */
    .text

/* Portal entry (spec 6.4): X0 = PID, X1 = MTD, SP = the EC's descriptor
 * (the stack top it was created with, and the SP of its last reply).
 * The handler's result is the reply MTD; ipc_reply (0x1) never returns. */
    .globl nova_portal_entry
    .type nova_portal_entry, %function
nova_portal_entry:
    mov x2, sp
    mov x29, xzr
    bl nova_portal_dispatch
    mov x1, x0
    mov x0, #1
    svc #0
    udf #0
    .size nova_portal_entry, . - nova_portal_entry

/* Where a global thread starts (the STARTUP reply sets ELR here); SP is
 * the create_ec sp = its descriptor. Afterwards the exit trap makes the
 * root monitor kill it. */
    .globl nova_thread_entry, nova_thread_exit_trap
    .type nova_thread_entry, %function
nova_thread_entry:
    mov x0, sp
    mov x29, xzr
    bl nova_thread_main
nova_thread_exit_trap:
    udf #0
    b nova_thread_exit_trap
    .size nova_thread_entry, . - nova_thread_entry

/* int nova_setjmp(struct nova_jmp *): x19-x30, sp. */
    .globl nova_setjmp
    .type nova_setjmp, %function
nova_setjmp:
    stp x19, x20, [x0, #0]
    stp x21, x22, [x0, #16]
    stp x23, x24, [x0, #32]
    stp x25, x26, [x0, #48]
    stp x27, x28, [x0, #64]
    stp x29, x30, [x0, #80]
    mov x2, sp
    str x2, [x0, #96]
    mov x0, #0
    ret
    .size nova_setjmp, . - nova_setjmp

/* void nova_longjmp(struct nova_jmp *, int val): setjmp returns val (1 if 0). */
    .globl nova_longjmp
    .type nova_longjmp, %function
nova_longjmp:
    ldp x19, x20, [x0, #0]
    ldp x21, x22, [x0, #16]
    ldp x23, x24, [x0, #32]
    ldp x25, x26, [x0, #48]
    ldp x27, x28, [x0, #64]
    ldp x29, x30, [x0, #80]
    ldr x2, [x0, #96]
    mov sp, x2
    cmp w1, #0
    csinc w0, w1, wzr, ne
    ret
    .size nova_longjmp, . - nova_longjmp

/* The root monitor resumes a faulted root EC here, with SP below the
 * active try frame's stack: unwind to it. */
    .globl nova_try_landing
    .type nova_try_landing, %function
nova_try_landing:
    mov x9, sp
    and x9, x9, #~15
    mov sp, x9
    mov x29, xzr
    bl nova_try_unwind
    udf #0
    .size nova_try_landing, . - nova_try_landing

/* void nova_raise_ud(void): one undefined instruction at nova_ud_insn;
 * a handler resumes past it (NOVA_UD_LEN bytes). */
    .globl nova_raise_ud, nova_ud_insn
    .type nova_raise_ud, %function
nova_raise_ud:
nova_ud_insn:
    udf #0
    ret
    .size nova_raise_ud, . - nova_raise_ud

    .section .note.GNU-stack, "", %progbits
