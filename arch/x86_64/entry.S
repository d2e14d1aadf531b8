/* Kernel entry from user mode. SYSCALL and traps both leave the user
 * state in the running EC's register frame (struct trap_frame), then
 * continue on the CPU's kernel stack, which holds nothing across exits:
 * blocked ECs resume through continuations. The C side takes the kernel
 * lock; every exit to user mode releases it. With one CPU online the lock
 * is off and both sides skip it. */
#include "cpu_local.h"
#include "segments.h"

#define FRAME_GPRS 15

    .macro save_gprs
    push    %rax
    push    %rbx
    push    %rcx
    push    %rdx
    push    %rsi
    push    %rdi
    push    %rbp
    push    %r8
    push    %r9
    push    %r10
    push    %r11
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    .endm

/* kernel_unlock (kernel_lock.h): serving++, when the lock is in use. */
    .macro unlock_kernel
    cmpb    $0, kernel_lock_enabled(%rip)
    je      .Lunlocked\@
    incl    big_lock + 4(%rip)
.Lunlocked\@:
    .endm

    .macro restore_gprs
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %r11
    pop     %r10
    pop     %r9
    pop     %r8
    pop     %rbp
    pop     %rdi
    pop     %rsi
    pop     %rdx
    pop     %rcx
    pop     %rbx
    pop     %rax
    .endm

/* Frame offsets from its end (struct trap_frame, 176 bytes). */
#define TOP_RSP (-16)
#define TOP_RSI (-96)
#define TOP_RDI (-104)

    .text
    .globl syscall_entry
syscall_entry:
    swapgs
    cmp     $1, %dil                    /* ipc_reply (no flags)? */
    je      reply_entry
    mov     %rsp, %gs:CPU_USER_RSP
    mov     %gs:CPU_FRAME_TOP, %rsp
    /* The frame's SS and CS keep the user selectors uregs_init wrote;
     * vector and error code are not needed for a hypercall. */
    sub     $8, %rsp
    pushq   %gs:CPU_USER_RSP
    push    %r11                        /* user RFLAGS */
    sub     $8, %rsp
    push    %rcx                        /* user RIP */
    sub     $16, %rsp
    save_gprs
    mov     %gs:CPU_KSTACK_TOP, %rsp    /* DF is clear: FMASK masks it */
    call    syscall_dispatch            /* (RDI, RSI as they came), never returns */
    ud2

/* ipc_reply: the replying EC's next activation starts afresh at a portal
 * with only its SP kept (interface §6.4), so only SP and the MTD are
 * saved; everything else of its registers is dead. */
reply_entry:
    mov     %gs:CPU_FRAME_TOP, %rcx     /* RCX (the user RIP) is dead too */
    mov     %rsp, TOP_RSP(%rcx)
    mov     %rsi, TOP_RSI(%rcx)
    movq    $1, TOP_RDI(%rcx)
    mov     %rsi, %rdi
    mov     %gs:CPU_KSTACK_TOP, %rsp
    call    syscall_reply               /* (mtd), never returns */
    ud2

/* _Noreturn void x86_return_portal(struct trap_frame *f): enter a portal
 * with its IP, the PID and MTD, the EC's own SP; every other register is
 * zeroed so nothing of the kernel or another EC shows. */
    .globl x86_return_portal
x86_return_portal:
    mov     136(%rdi), %rcx             /* RIP = portal IP */
    mov     80(%rdi), %rsi              /* MTD */
    mov     160(%rdi), %rsp             /* the EC's SP */
    mov     72(%rdi), %rdi              /* PID */
    xor     %eax, %eax
    xor     %edx, %edx
    xor     %ebx, %ebx
    xor     %ebp, %ebp
    xor     %r8d, %r8d
    xor     %r9d, %r9d
    xor     %r10d, %r10d
    xor     %r12d, %r12d
    xor     %r13d, %r13d
    xor     %r14d, %r14d
    xor     %r15d, %r15d
    mov     $0x202, %r11d
    unlock_kernel
    swapgs
    sysretq

/* _Noreturn void x86_return_sysret(struct trap_frame *f): hypercall exit. */
    .globl x86_return_sysret
x86_return_sysret:
    mov     %rdi, %rsp
    restore_gprs
    mov     16(%rsp), %rcx              /* RIP */
    mov     $0x202, %r11d               /* RFLAGS (interface §6.3) */
    mov     40(%rsp), %rsp              /* user RSP */
    unlock_kernel
    swapgs
    sysretq

/* _Noreturn void x86_return_iret(struct trap_frame *f): any other exit. */
    .globl x86_return_iret
x86_return_iret:
    mov     %rdi, %rsp
    restore_gprs
    add     $16, %rsp
    unlock_kernel
    swapgs
    iretq

/* Traps: vectors.S jumps here with the vector and error code pushed. */
    .globl trap_common
trap_common:
    save_gprs
    testb   $3, (FRAME_GPRS + 3) * 8(%rsp)      /* CS of the interrupted code */
    jz      1f
    swapgs
    mov     %rsp, %rdi
    mov     %gs:CPU_KSTACK_TOP, %rsp
    cld
    call    x86_user_trap               /* never returns */
    ud2
1:  mov     %rsp, %rdi
    cld
    call    x86_trap
    restore_gprs
    add     $16, %rsp
    iretq
