/* The arm64 Image header (also a PE/COFF header) and the first
 * instructions: a loader (QEMU -kernel, U-Boot booti) enters at _start with
 * the MMU off and x0 = DTB; the EFI stub with x0 = the Multiboot v2 magic.
 * Here: find the exception level, get to a known EL2 state, stack, bss,
 * vectors; then C (boot.c) does everything else. Secondary CPUs enter
 * at secondary_entry (PSCI CPU_ON from smp.c). */
#include "cpu_local.h"

#define SCTLR_EL2_RES1 0x30c50830
/* SCR_EL3 for a drop to EL2: NS, RES1 bits 4/5, SMD (SMC undefined: no
 * firmware here), HCE, RW. */
#define SCR_EL3_DROP 0x5b1
/* SPSR for EL2h with D, A, I, F masked. */
#define SPSR_EL2H_MASKED 0x3c9

    .section .text.head, "ax"
    .globl _start
_start:
    /* code0 doubles as the PE/COFF "MZ" signature: a harmless compare. */
    ccmp    x18, #0, #0xd, pl           /* code0: bytes 4d 5a = "MZ" */
    b       primary_entry               /* code1 */
    .quad   0x200000                    /* text_offset: RAM base + 2 MiB */
    .quad   __image_size                /* image_size, bss and stack included */
    .quad   0x2                         /* flags: LE, 4K pages, 2 MiB aligned base */
    .quad   0, 0, 0                     /* res2..res4 */
    .ascii  "ARM\x64"                   /* magic */
    .long   pe_header - _start          /* res5 = the DOS header's e_lfanew */

/* PE32+ headers (Microsoft PE/COFF spec): the image is also an EFI
 * application (efi_stub.c). ImageBase = link address, two sections laid
 * out as in the file (RVA = file offset): .text (this page excluded) and
 * .data with bss and kernel memory as its zero-filled rest. No base
 * relocations, yet not marked "relocs stripped": a firmware that cannot
 * place us at ImageBase loads us elsewhere and the stub copies. */
    .balign 8
pe_header:
    .ascii  "PE\0\0"
    .short  0xaa64                      /* Machine: ARM64 */
    .short  2                           /* NumberOfSections */
    .long   0, 0, 0                     /* TimeDateStamp, symbol table, symbols */
    .short  pe_sections - pe_optional   /* SizeOfOptionalHeader */
    .short  0x0206                      /* executable, line numbers and debug stripped */
pe_optional:
    .short  0x020b                      /* PE32+ */
    .byte   0, 0                        /* linker version */
    .long   __pe_text_size              /* SizeOfCode */
    .long   __pe_data_size              /* SizeOfInitializedData */
    .long   0                           /* SizeOfUninitializedData */
    .long   __efi_entry_rva             /* AddressOfEntryPoint */
    .long   0x1000                      /* BaseOfCode */
    .quad   _start                      /* ImageBase */
    .long   0x1000, 0x200               /* SectionAlignment, FileAlignment */
    .short  0, 0, 0, 0, 0, 0            /* OS, image, subsystem versions */
    .long   0                           /* Win32VersionValue */
    .long   __image_size                /* SizeOfImage */
    .long   0x1000                      /* SizeOfHeaders: this page */
    .long   0                           /* CheckSum */
    .short  10                          /* Subsystem: EFI application */
    .short  0                           /* DllCharacteristics */
    .quad   0, 0, 0, 0                  /* stack and heap reserve/commit */
    .long   0                           /* LoaderFlags */
    .long   6                           /* NumberOfRvaAndSizes */
    .quad   0, 0, 0, 0, 0, 0            /* export..base relocation: none */
pe_sections:
    .ascii  ".text\0\0\0"
    .long   __pe_text_size, 0x1000      /* VirtualSize, VirtualAddress */
    .long   __pe_text_size, 0x1000      /* SizeOfRawData, PointerToRawData */
    .long   0, 0                        /* relocations, line numbers */
    .short  0, 0
    .long   0x60000020                  /* code, execute, read */
    .ascii  ".data\0\0\0"
    .long   __pe_data_vsize, __pe_data_rva
    .long   __pe_data_size, __pe_data_rva
    .long   0, 0
    .short  0, 0
    .long   0xc0000040                  /* initialised data, read, write */

primary_entry:
    mov     x19, x0                     /* DTB (legacy launch: FDT) */
    mov     x20, x1                     /* legacy launch: root ELF, else 0 */
    mov     x22, x2                     /* X0..X2 go to the root EC */
    msr     daifset, #0xf
    /* The kernel is linked at one address: running elsewhere means the
     * loader ignored text_offset or the board's RAM base is wrong. */
    adr     x2, _start
    ldr     x3, =_start
    cmp     x2, x3
    b.ne    .Lpark
    mrs     x21, CurrentEL
    ubfx    x21, x21, #2, #2
    cmp     x21, #3
    b.eq    .Lfrom_el3
    cmp     x21, #2
    b.eq    .Lat_el2
    /* EL1 (or EL0): no hypervisor mode. Minimal vectors so the exit path
     * can try semihosting, then C reports the problem. */
    adr     x2, el1_vectors
    msr     vbar_el1, x2
    isb
    b       .Lcommon

.Lfrom_el3:
    /* No secure firmware ran: drop to non-secure EL2 ourselves. */
    mov     x2, #SCR_EL3_DROP
    msr     scr_el3, x2
    ldr     x2, =SCTLR_EL2_RES1
    msr     sctlr_el2, x2
    mov     x2, #SPSR_EL2H_MASKED
    msr     spsr_el3, x2
    adr     x2, .Lat_el2
    msr     elr_el3, x2
    eret

.Lat_el2:
    /* A loader that left the EL2 MMU on (UEFI) identity-maps us: write
     * our image back to memory first. Then a known SCTLR_EL2: MMU and
     * caches off, little endian, no alignment checks. */
    mrs     x2, sctlr_el2
    tbz     x2, #0, 1f
    bl      clean_image_to_poc
1:  ldr     x2, =SCTLR_EL2_RES1
    msr     sctlr_el2, x2
    isb
    ic      iallu
    dsb     ish
    isb
    adr     x2, el2_vectors
    msr     vbar_el2, x2
    ldr     x2, =cpu_blocks + KSTACK_SIZE   /* CPU 0's cpu_local (cpu_local.h) */
    msr     tpidr_el2, x2
    isb

.Lcommon:
    msr     spsel, #1
    ldr     x2, =cpu_blocks + KSTACK_SIZE   /* CPU 0's stack top */
    mov     sp, x2
    mov     x29, xzr
    mov     x30, xzr
    ldr     x2, =__bss_start
    ldr     x3, =__bss_end
2:  cmp     x2, x3
    b.hs    3f
    stp     xzr, xzr, [x2], #16
    b       2b
3:  mov     x0, x19
    mov     x1, x20
    mov     x2, x22
    mov     x3, x21
    bl      aarch64_boot                /* does not return */
.Lpark:
    wfe
    b       .Lpark

/* A secondary CPU at EL2, MMU off, x0 = its struct ap_start (smp.c, in
 * memory cleaned to the PoC): known SCTLR_EL2, our vectors, the boot
 * CPU's MAIR/TCR/TTBR0/SCTLR (same identity map), then its own stack,
 * which is its cpu_local (TPIDR_EL2). */
    .globl secondary_entry
secondary_entry:
    msr     daifset, #0xf
    ldr     x2, =SCTLR_EL2_RES1
    msr     sctlr_el2, x2
    isb
    ldr     x2, =el2_vectors
    msr     vbar_el2, x2
    ldp     x2, x3, [x0, #0]            /* MAIR, TCR */
    msr     mair_el2, x2
    msr     tcr_el2, x3
    ldp     x2, x3, [x0, #16]           /* TTBR0, SCTLR */
    msr     ttbr0_el2, x2
    isb
    tlbi    alle2
    dsb     nsh
    ic      iallu
    dsb     nsh
    isb
    msr     sctlr_el2, x3
    isb
    ldr     x2, [x0, #32]               /* stack top = cpu_local */
    msr     spsel, #1
    mov     sp, x2
    msr     tpidr_el2, x2
    mov     x29, xzr
    mov     x30, xzr
    bl      aarch64_secondary_main      /* does not return */
    b       .Lpark

/* Clean + invalidate [__kernel_phys_start, __kernel_phys_end) to the PoC by
 * data cache line (CTR_EL0.DminLine). Clobbers x2-x5. */
clean_image_to_poc:
    mrs     x4, ctr_el0
    ubfx    x4, x4, #16, #4
    mov     x5, #4
    lsl     x5, x5, x4                  /* line size in bytes */
    ldr     x2, =__kernel_phys_start
    ldr     x3, =__kernel_phys_end
    sub     x4, x5, #1
    bic     x2, x2, x4
4:  dc      civac, x2
    add     x2, x2, x5
    cmp     x2, x3
    b.lo    4b
    dsb     sy
    ret
