/* The EFI application's entry and its last step (efi_stub.c).
 * efi_entry: AAPCS64 from the firmware, x0 = image handle, x1 = system
 * table, at EL2 with the MMU on, possibly not at the link address; it
 * measures the layout and calls efi_main. efi_enter_kernel: after
 * ExitBootServices, cleans what the kernel reads to the PoC, turns the
 * EL2 MMU and caches off and enters _start at its link address with the
 * Multiboot v2 launch registers (interface §5.3). */
#define SCTLR_M (1 << 0)
#define SCTLR_C (1 << 2)
#define SCTLR_I (1 << 12)
#define MB2_BOOT_MAGIC 0x36d76289

    .text
    .globl efi_entry
efi_entry:
    stp     x29, x30, [sp, #-48]!
    mov     x29, sp
    adrp    x2, _start                  /* where we run (PC-relative) */
    add     x2, x2, :lo12:_start
    ldr     x3, =_start                 /* where we are linked */
    ldr     x4, =__file_size
    ldr     x5, =__image_size
    stp     x2, x3, [sp, #16]           /* struct efi_layout */
    stp     x4, x5, [sp, #32]
    add     x2, sp, #16
    bl      efi_main                    /* returns only an error */
    ldp     x29, x30, [sp], #48
    ret

/* x0 = Multiboot v2 information, x1 its size, x2 = root module, x3 its
 * size. Does not return. */
    .globl efi_enter_kernel
efi_enter_kernel:
    msr     daifset, #0xf
    mov     x19, x0
    bl      clean_range                 /* the information */
    mov     x0, x2
    mov     x1, x3
    bl      clean_range                 /* the root module */
    ldr     x0, =_start
    ldr     x1, =__image_size
    bl      clean_range                 /* the kernel: no dirty line may outlive the MMU-off phase */
    mrs     x0, sctlr_el2
    mov     x1, #(SCTLR_M | SCTLR_C)
    orr     x1, x1, #SCTLR_I
    bic     x0, x0, x1
    msr     sctlr_el2, x0
    isb
    ic      iallu
    dsb     sy
    isb
    ldr     x0, =MB2_BOOT_MAGIC
    mov     x1, x19
    mov     x2, xzr
    ldr     x3, =_start
    br      x3

/* Clean + invalidate [x0, x0 + x1) to the PoC by data cache line. Leaf;
 * clobbers x0, x1, x4-x6; keeps x2, x3. */
clean_range:
    mrs     x4, ctr_el0
    ubfx    x4, x4, #16, #4
    mov     x5, #4
    lsl     x5, x5, x4                  /* line size in bytes */
    add     x1, x0, x1
    sub     x6, x5, #1
    bic     x0, x0, x6
1:  cmp     x0, x1
    b.hs    2f
    dc      civac, x0
    add     x0, x0, x5
    b       1b
2:  dsb     sy
    ret
