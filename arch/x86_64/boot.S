/* x86_64 entry: multiboot v1/v2 headers, 32-bit protected mode to long
 * mode, then the high-half kernel. Page tables: 2 MiB pages mapping
 * physical 0..4 GiB at 0 (identity, for the switch), at DIRECT_MAP_BASE,
 * and 0..1 GiB at KERNEL_VIRT_OFFSET. */
#include "layout.h"

#define PHYS(sym) ((sym) - KERNEL_VIRT_OFFSET)
#define MB1_MAGIC 0x1BADB002
#define MB1_FLAGS 0x00000003            /* page-aligned modules, memory info */
#define MB2_MAGIC 0xE85250D6
#define PTE_P_RW 0x003
#define PTE_LARGE 0x083                 /* present, writable, 2 MiB page */

    .section .multiboot, "a"
    .balign 4
mb1_header:
    .long MB1_MAGIC, MB1_FLAGS, -(MB1_MAGIC + MB1_FLAGS)

    .balign 8
mb2_header:
    .long MB2_MAGIC, 0, mb2_header_end - mb2_header
    .long -(MB2_MAGIC + (mb2_header_end - mb2_header))
    .balign 8
    .word 6, 0                          /* module alignment tag: page-align modules */
    .long 8
    .balign 8
    .word 0, 0                          /* end tag */
    .long 8
mb2_header_end:

    .section .boot.text, "ax"
    .code32
    .globl _start
_start:
    cli
    cld
    mov     %eax, %edi                  /* loader magic, kept for x86_boot */
    mov     %ebx, %esi                  /* information structure */
    mov     $PHYS(boot_stack_top), %esp

    /* Refuse CPUs without long mode, loudly, on COM1. */
    mov     $0x80000000, %eax
    cpuid
    cmp     $0x80000001, %eax
    jb      no_long_mode
    mov     $0x80000001, %eax
    cpuid
    bt      $29, %edx
    jnc     no_long_mode
    bt      $20, %edx                   /* NX: user pages are non-executable */
    jnc     no_long_mode

    /* Zero .bss (page tables and stack live there); keeps edi/esi. */
    mov     $PHYS(__bss_start), %ebx
1:  cmp     $PHYS(__bss_end), %ebx
    jae     2f
    movl    $0, (%ebx)
    add     $4, %ebx
    jmp     1b
2:
    /* Four page directories of 2 MiB pages: physical 0..4 GiB. */
    mov     $PHYS(boot_pd), %ebx
    xor     %ecx, %ecx
3:  mov     %ecx, %eax
    shl     $21, %eax
    or      $PTE_LARGE, %eax
    mov     %eax, (%ebx, %ecx, 8)
    mov     %ecx, %eax
    shr     $11, %eax                   /* bits 32+ of the physical address */
    mov     %eax, 4(%ebx, %ecx, 8)
    inc     %ecx
    cmp     $2048, %ecx
    jb      3b

    mov     $PHYS(boot_pdpt_low), %ebx
    mov     $PHYS(boot_pd) + PTE_P_RW, %eax
    mov     %eax, 0(%ebx)
    add     $4096, %eax
    mov     %eax, 8(%ebx)
    add     $4096, %eax
    mov     %eax, 16(%ebx)
    add     $4096, %eax
    mov     %eax, 24(%ebx)
    movl    $PHYS(boot_pd) + PTE_P_RW, PHYS(boot_pdpt_high) + 510 * 8

    mov     $PHYS(boot_pml4), %ebx
    movl    $PHYS(boot_pdpt_low) + PTE_P_RW, 0(%ebx)
    movl    $PHYS(boot_pdpt_low) + PTE_P_RW, 256 * 8(%ebx)
    movl    $PHYS(boot_pdpt_high) + PTE_P_RW, 511 * 8(%ebx)
    mov     %ebx, %cr3

    mov     %cr4, %eax
    or      $0x20, %eax                 /* PAE */
    mov     %eax, %cr4
    mov     $0xC0000080, %ecx           /* IA32_EFER */
    rdmsr
    or      $0x900, %eax                /* LME, NXE */
    wrmsr
    mov     %cr0, %eax
    or      $0x80010001, %eax           /* PG, WP, PE */
    mov     %eax, %cr0

    lgdt    boot_gdt_desc32             /* .boot.text symbols are physical */
    ljmp    $SEL_KERNEL_CODE, $long_mode_entry

no_long_mode:
    mov     $msg_no_lm, %ebx
4:  movb    (%ebx), %al
    test    %al, %al
    jz      5f
    mov     $0x3F8, %dx
    outb    %al, %dx
    inc     %ebx
    jmp     4b
5:  mov     $0x11, %al                  /* isa-debug-exit: fail */
    mov     $0xF4, %dx
    outb    %al, %dx
6:  hlt
    jmp     6b

    .code64
long_mode_entry:
    movabs  $high_entry, %rax
    jmp     *%rax

msg_no_lm:
    .asciz "\r\n@nova PANIC CPU lacks long mode or NX (x86_64)\r\n"

    .section .text.boot, "ax"
high_entry:
    lgdt    boot_gdt_desc64
    mov     $SEL_KERNEL_DATA, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    xor     %eax, %eax
    mov     %eax, %fs
    mov     %eax, %gs
    movabs  $boot_stack_top, %rsp
    mov     %edi, %edi                  /* zero-extend magic and info */
    mov     %esi, %esi
    xor     %ebp, %ebp
    call    x86_boot
7:  hlt
    jmp     7b

    .section .rodata
    .balign 16
boot_gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF            /* 0x08: 64-bit kernel code */
    .quad 0x00CF92000000FFFF            /* 0x10: kernel data */
boot_gdt_end:
boot_gdt_desc64:
    .word boot_gdt_end - boot_gdt - 1
    .quad boot_gdt

    .section .boot.text, "ax"
boot_gdt_desc32:
    .word boot_gdt_end - boot_gdt - 1
    .long PHYS(boot_gdt)

    .section .bss
    .balign 4096
    .globl boot_pml4
boot_pml4:      .skip 4096
boot_pdpt_low:  .skip 4096
boot_pdpt_high: .skip 4096
boot_pd:        .skip 4 * 4096
boot_stack:     .skip 16384
    .globl boot_stack_top
boot_stack_top:
