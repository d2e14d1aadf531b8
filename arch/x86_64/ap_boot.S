/* Application processor start: the SIPI enters this code, copied to
 * AP_TRAMPOLINE (a page below 1 MiB), in real mode with CS = AP_TRAMPOLINE
 * >> 4. It goes to protected mode, then long mode on the boot page tables
 * (which still identity-map low memory), and jumps to x86_ap_main on the
 * stack the boot CPU left in tr_stack. Addresses are trampoline offsets. */
#include "layout.h"

#define AP_TRAMPOLINE 0x7000
#define ABS(l) (AP_TRAMPOLINE + (l) - ap_trampoline)

    .section .rodata
    .balign 16
    .globl ap_trampoline, ap_trampoline_end, ap_tr_cr3, ap_tr_stack
    .code16
ap_trampoline:
    cli
    cld
    mov     %cs, %ax
    mov     %ax, %ds
    lgdtl   tr_gdt_desc - ap_trampoline
    mov     %cr0, %eax
    or      $1, %eax                    /* PE */
    mov     %eax, %cr0
    ljmpl   $0x18, $ABS(tr_pm32)

    .code32
tr_pm32:
    mov     $0x10, %ax
    mov     %ax, %ds
    mov     %ax, %es
    mov     %ax, %ss
    mov     %cr4, %eax
    or      $0x20, %eax                 /* PAE */
    mov     %eax, %cr4
    mov     ABS(ap_tr_cr3), %eax
    mov     %eax, %cr3
    mov     $0xC0000080, %ecx           /* EFER: LME, NXE */
    rdmsr
    or      $0x900, %eax
    wrmsr
    mov     %cr0, %eax
    or      $0x80010001, %eax           /* PG, WP, PE */
    mov     %eax, %cr0
    ljmp    $0x08, $ABS(tr_lm64)

    .code64
tr_lm64:
    mov     ABS(ap_tr_stack), %rsp
    movabs  $x86_ap_main, %rax
    jmp     *%rax

    .balign 8
/* 0x08 and 0x10 as in the kernel's GDT, which the AP loads without
 * reloading CS and SS. */
tr_gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF            /* 0x08 code 64 */
    .quad 0x00CF92000000FFFF            /* 0x10 data */
    .quad 0x00CF9A000000FFFF            /* 0x18 code 32 */
tr_gdt_desc:
    .word tr_gdt_desc - tr_gdt - 1
    .long ABS(tr_gdt)
    .balign 8
ap_tr_cr3:
    .quad 0
ap_tr_stack:
    .quad 0
ap_trampoline_end:
