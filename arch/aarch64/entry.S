/* Kernel entry from EL0 and the way back. While an EC runs, SP_EL2
 * points just past its register frame (the return path leaves it
 * there), so the vectors save EL0 state straight into the EC. C then
 * runs on the CPU's kernel stack (TPIDR_EL2), which holds nothing across
 * exits: blocked ECs resume through continuations. */
#include "gpr_frame.h"
#include "uregs.h"

#define ESR_SVC0 0x56000000     /* ESR_EL2 of "svc #0" from AArch64 (EC 0x15, IL) */

/* Saves x2..x30, SP_EL0, ELR, SPSR and TPIDR_EL0 (x0/x1 are saved by
 * the vector) into the frame at sp. */
.macro save_user
    gpr_pairs stp
    mrs     x0, sp_el0
    stp     x30, x0, [sp, #UREGS_X30]
    mrs     x0, elr_el2
    mrs     x1, spsr_el2
    stp     x0, x1, [sp, #UREGS_PC]
    mrs     x0, tpidr_el0
    str     x0, [sp, #UREGS_TPIDR]
.endm

/* Leaves the EC frame for the kernel stack. (x29 keeps the user's
 * value: nothing walks frames across the entry.) */
.macro kernel_stack
    mrs     x2, tpidr_el2
    mov     sp, x2
.endm

/* kernel_lock (kernel_lock.h): take a ticket and wait for it, when the
 * lock is in use; \xa, \wb, \wc, \wd are scratch. */
.macro lock_kernel xa, wb, wc, wd
    adrp    \xa, kernel_lock_enabled
    ldrb    \wb, [\xa, :lo12:kernel_lock_enabled]
    cbz     \wb, .Llocked\@
    adrp    \xa, big_lock
    add     \xa, \xa, :lo12:big_lock         /* big_lock.next */
.Lticket\@:
    ldxr    \wb, [\xa]
    add     \wc, \wb, #1
    stxr    \wd, \wc, [\xa]
    cbnz    \wd, .Lticket\@
    add     \xa, \xa, #4                      /* big_lock.serving */
    b       .Lcheck\@
.Lwait\@:
    yield
.Lcheck\@:
    ldar    \wc, [\xa]
    cmp     \wc, \wb
    b.ne    .Lwait\@
.Llocked\@:
.endm

/* kernel_unlock (kernel_lock.h): serving++ with release order, when
 * the lock is in use; \xa and \wb are scratch. */
.macro unlock_kernel xa, wb
    adrp    \xa, kernel_lock_enabled
    ldrb    \wb, [\xa, :lo12:kernel_lock_enabled]
    cbz     \wb, .Lunlocked\@
    adrp    \xa, big_lock + 4
    add     \xa, \xa, :lo12:big_lock + 4  /* big_lock.serving */
    ldr     \wb, [\xa]
    add     \wb, \wb, #1
    stlr    \wb, [\xa]
.Lunlocked\@:
.endm

    .text
    .globl el0_sync
el0_sync:
    mrs     x0, esr_el2
    mov     x1, #ESR_SVC0
    cmp     x0, x1
    b.ne    1f
    ldrb    w0, [sp]                    /* the identifier */
    cmp     w0, #1                      /* ipc_reply (no flags)? */
    b.eq    reply_entry
    cmp     w0, #0xa                    /* ctrl_pt (no flags)? */
    b.eq    light_entry
    save_user
    ldp     x0, x1, [sp]                /* the first two parameters */
    kernel_stack
    tst     x0, #0xf                    /* ipc_call? */
    b.eq    2f
    bl      syscall_dispatch            /* (x0, x1), never returns */
2:  bl      syscall_call                /* the same */
1:  save_user
    mrs     x0, esr_el2
    kernel_stack
    bl      aarch64_user_sync           /* (esr), never returns */

/* ctrl_pt: syscall_ctrl_pt (hypercall.h) returns the status in x0. Only
 * what C may clobber is saved (x2..x18, x30; x0/x1 are), and x19, which
 * keeps the frame; ELR, SPSR, SP_EL0 and TPIDR_EL0 stay in their
 * registers. x2 still holds the third parameter. */
light_entry:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    str     x30, [sp, #UREGS_X30]
    mov     x19, sp
    ldp     x0, x1, [sp]
    mrs     x3, tpidr_el2
    mov     sp, x3
    lock_kernel x3, w4, w5, w6
    bl      syscall_ctrl_pt
    mov     sp, x19
    unlock_kernel x2, w3
    ldr     x1, [sp, #8]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldr     x30, [sp, #UREGS_X30]
    add     sp, sp, #UREGS_FRAME
    eret
    dsb     nsh                         /* no speculation past the eret */
    isb

/* ipc_reply: the replying EC's next activation starts afresh at a portal
 * (interface §6.4) with only its SP kept, and TPIDR_EL0, which is its
 * own to keep; x0/x1 are saved. The other registers are dead: the portal
 * entry reloads whatever the EC's frame held from its last full entry,
 * all its own values. */
reply_entry:
    mrs     x0, sp_el0
    str     x0, [sp, #UREGS_X30 + 8]
    mrs     x0, tpidr_el0
    str     x0, [sp, #UREGS_TPIDR]
    ldr     x0, [sp, #8]                /* the MTD */
    kernel_stack
    bl      syscall_reply               /* (mtd), never returns */

/* IRQs from EL0: aarch64_user_irq() (irq.c); FIQs (none is used) and
 * SErrors: aarch64_user_async(kind). */
    .globl el0_irq, el0_fiq, el0_serror
el0_irq:
    save_user
    kernel_stack
    bl      aarch64_user_irq            /* never returns */
el0_fiq:
    save_user
    mov     x0, #2
    b       1f
el0_serror:
    save_user
    mov     x0, #3
1:  kernel_stack
    bl      aarch64_user_async          /* never returns */

/* _Noreturn void aarch64_ret_user(uregs_t *r): restores the frame and
 * returns to EL0, SP_EL2 left just past the frame. Every exit to EL0
 * comes here, so this releases the kernel lock (kernel_lock.h: serving++
 * with release order, when the lock is in use) once the frame is read,
 * but for x0/x1, which serve as scratch: nobody else writes a running
 * EC's frame, so reading them afterwards is safe. */
    .globl aarch64_ret_user
aarch64_ret_user:
    mov     sp, x0
    ldp     x0, x1, [sp, #UREGS_PC]
    msr     elr_el2, x0
    msr     spsr_el2, x1
    ldp     x30, x0, [sp, #UREGS_X30]
    msr     sp_el0, x0
    ldr     x0, [sp, #UREGS_TPIDR]
    msr     tpidr_el0, x0
    gpr_pairs ldp
    unlock_kernel x0, w1
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #UREGS_FRAME
    eret
    dsb     nsh                         /* no speculation past the eret */
    isb

    .section .note.GNU-stack, "", %progbits
