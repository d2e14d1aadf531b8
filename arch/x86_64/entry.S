/* Kernel entry from user mode. SYSCALL and traps both leave the user
 * state in the running EC's register frame (struct trap_frame), then
 * continue on the CPU's kernel stack, which holds nothing across exits:
 * blocked ECs resume through continuations. The C side takes the kernel
 * lock; every exit to user mode releases it. With one CPU online the lock
 * is off and both sides skip it. */
#include "cpu_local.h"
#include "segments.h"
#include "trap_frame.h"

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

/* The same into the frame that ends at rsp, with stores (the hypercall
 * entry: no stack pointer arithmetic). */
    .macro save_gprs_top
    mov     %rax, F_RAX - F_SIZE(%rsp)
    mov     %rbx, F_RBX - F_SIZE(%rsp)
    mov     %rcx, F_RCX - F_SIZE(%rsp)
    mov     %rdx, F_RDX - F_SIZE(%rsp)
    mov     %rsi, F_RSI - F_SIZE(%rsp)
    mov     %rdi, F_RDI - F_SIZE(%rsp)
    mov     %rbp, F_RBP - F_SIZE(%rsp)
    mov     %r8, F_R8 - F_SIZE(%rsp)
    mov     %r9, F_R9 - F_SIZE(%rsp)
    mov     %r10, F_R10 - F_SIZE(%rsp)
    mov     %r11, F_R11 - F_SIZE(%rsp)
    mov     %r12, F_R12 - F_SIZE(%rsp)
    mov     %r13, F_R13 - F_SIZE(%rsp)
    mov     %r14, F_R14 - F_SIZE(%rsp)
    mov     %r15, F_R15 - F_SIZE(%rsp)
    .endm

/* kernel_lock (kernel_lock.h): take a ticket and wait for it, when the
 * lock is in use; EAX is scratch. */
    .macro lock_kernel
    cmpb    $0, kernel_lock_enabled(%rip)
    je      .Llocked\@
    mov     $1, %eax
    lock xadd %eax, big_lock(%rip)
.Lwait\@:
    cmp     big_lock + 4(%rip), %eax
    je      .Llocked\@
    pause
    jmp     .Lwait\@
.Llocked\@:
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

/* Frame offsets from its end (where CPU_TSS_RSP0 points). */
#define TOP_RSP (F_RSP - F_SIZE)
#define TOP_RSI (F_RSI - F_SIZE)
#define TOP_RDI (F_RDI - F_SIZE)

    .text
    .globl syscall_entry
syscall_entry:
    swapgs
    cmp     $1, %dil                    /* ipc_reply (no flags)? */
    je      reply_entry
    cmp     $0xa, %dil                  /* ctrl_pt (no flags)? */
    je      light_entry
    /* Stores, not pushes: the frame's SS and CS keep the user selectors
     * uregs_init wrote; vector and error code are not needed for a
     * hypercall. RCX is the user RIP, R11 its RFLAGS. */
    mov     %rsp, %gs:CPU_USER_RSP
    mov     %gs:CPU_TSS_RSP0, %rsp
    save_gprs_top
    mov     %rcx, F_RIP - F_SIZE(%rsp)
    mov     %r11, F_RFLAGS - F_SIZE(%rsp)
    mov     %gs:CPU_USER_RSP, %rcx
    mov     %rcx, TOP_RSP(%rsp)
    mov     %gs:CPU_KSTACK_TOP, %rsp    /* DF is clear: FMASK masks it */
    test    $0xf, %dil                  /* ipc_call? */
    jz      1f
    call    syscall_dispatch            /* (RDI, RSI as they came), never returns */
1:  call    syscall_call                /* the same */
    ud2

/* ipc_reply: the replying EC's next activation starts afresh at a portal
 * with only its SP kept (interface §6.4), so only SP and the MTD are
 * saved; everything else of its registers is dead. */
reply_entry:
    mov     %gs:CPU_TSS_RSP0, %rcx     /* RCX (the user RIP) is dead too */
    mov     %rsp, TOP_RSP(%rcx)
    mov     %rsi, TOP_RSI(%rcx)
    movq    $1, TOP_RDI(%rcx)
    mov     %rsi, %rdi
    mov     %gs:CPU_KSTACK_TOP, %rsp
    call    syscall_reply               /* (mtd), never returns */
    ud2

/* ctrl_pt: syscall_ctrl_pt (hypercall.h) keeps every register but RAX,
 * which returns the status: RAX waits in the per-CPU scratch slot (the
 * stack stays aligned for the call), R11 (RFLAGS, 0x202 on return) holds
 * the user RSP meanwhile. The EC's frame is not touched. */
light_entry:
    mov     %rsp, %r11
    mov     %gs:CPU_KSTACK_TOP, %rsp
    mov     %rax, %gs:CPU_USER_RSP
    lock_kernel
    call    syscall_ctrl_pt
    mov     %rax, %rdi                  /* the status */
    mov     %gs:CPU_USER_RSP, %rax
    mov     %r11, %rsp
    mov     $0x202, %r11d
    unlock_kernel
    swapgs
    sysretq

/* _Noreturn void x86_return_portal(struct trap_frame *f): enter a portal
 * with its IP, the PID and MTD, the EC's own SP; every other register is
 * zeroed so nothing of the kernel or another EC shows. */
    .globl x86_return_portal
x86_return_portal:
    mov     F_RIP(%rdi), %rcx           /* RIP = portal IP */
    mov     F_RSI(%rdi), %rsi           /* MTD */
    mov     F_RSP(%rdi), %rsp           /* the EC's SP */
    mov     F_RDI(%rdi), %rdi           /* PID */
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

/* _Noreturn void x86_return_sysret(struct trap_frame *f): hypercall exit.
 * RCX and R11 come from SYSRET's rules, not from the frame. */
    .globl x86_return_sysret
x86_return_sysret:
    mov     F_R15(%rdi), %r15
    mov     F_R14(%rdi), %r14
    mov     F_R13(%rdi), %r13
    mov     F_R12(%rdi), %r12
    mov     F_R10(%rdi), %r10
    mov     F_R9(%rdi), %r9
    mov     F_R8(%rdi), %r8
    mov     F_RBP(%rdi), %rbp
    mov     F_RSI(%rdi), %rsi
    mov     F_RDX(%rdi), %rdx
    mov     F_RBX(%rdi), %rbx
    mov     F_RAX(%rdi), %rax
    mov     F_RIP(%rdi), %rcx
    mov     $0x202, %r11d               /* RFLAGS (interface §6.3) */
    mov     F_RSP(%rdi), %rsp           /* user RSP */
    mov     F_RDI(%rdi), %rdi
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
