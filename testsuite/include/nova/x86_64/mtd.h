/* x86-64 architectural MTD bits (spec 3.4). On an event the portal's MTD
 * selects the state copied into the handler's UTCB; on the reply the
 * handler's MTD selects what is written back. */
#pragma once

#define NOVA_MTD_X86_POISON    (1u << 0)   /* w: kill the EC */
#define NOVA_MTD_X86_GPR_0_7   (1u << 1)   /* RAX..RDI */
#define NOVA_MTD_X86_GPR_8_15  (1u << 2)   /* R8..R15 */
#define NOVA_MTD_X86_RFLAGS    (1u << 3)
#define NOVA_MTD_X86_RIP       (1u << 4)   /* guest: also length and info */
#define NOVA_MTD_X86_STA       (1u << 5)   /* guest: interruptibility, activity */
#define NOVA_MTD_X86_QUAL      (1u << 6)   /* r */
#define NOVA_MTD_X86_CTRL      (1u << 7)   /* w, guest */
#define NOVA_MTD_X86_TPR       (1u << 8)   /* w, guest */
#define NOVA_MTD_X86_INJ       (1u << 9)
#define NOVA_MTD_X86_CS_SS     (1u << 10)
#define NOVA_MTD_X86_DS_ES     (1u << 11)
#define NOVA_MTD_X86_FS_GS     (1u << 12)
#define NOVA_MTD_X86_TR        (1u << 13)
#define NOVA_MTD_X86_LDTR      (1u << 14)
#define NOVA_MTD_X86_GDTR      (1u << 15)
#define NOVA_MTD_X86_IDTR      (1u << 16)
#define NOVA_MTD_X86_PDPTE     (1u << 17)
#define NOVA_MTD_X86_CR        (1u << 18)
#define NOVA_MTD_X86_DR        (1u << 19)
#define NOVA_MTD_X86_XSAVE     (1u << 20)
#define NOVA_MTD_X86_APIC      (1u << 21)  /* w */
#define NOVA_MTD_X86_SYSCALL   (1u << 22)
#define NOVA_MTD_X86_SYSENTER  (1u << 23)
#define NOVA_MTD_X86_PAT       (1u << 24)
#define NOVA_MTD_X86_EFER      (1u << 25)
#define NOVA_MTD_X86_KERNEL_GS (1u << 26)
#define NOVA_MTD_X86_TSC       (1u << 27)  /* IA32_TSC_AUX */
/* bit 28 reserved */
#define NOVA_MTD_X86_TLB       (1u << 29)  /* w: invalidate the vCPU's TLB */
#define NOVA_MTD_X86_FPU       (1u << 30)  /* unconfirmed: no state defined */
#define NOVA_MTD_X86_SPACES    (1u << 31)  /* w: SEL_GST, SEL_PIO, SEL_MSR */

/* The groups that carry state for a host EC. */
#define NOVA_MTD_X86_HOST_STATE (NOVA_MTD_X86_GPR_0_7 | NOVA_MTD_X86_GPR_8_15 | \
                                 NOVA_MTD_X86_RFLAGS | NOVA_MTD_X86_RIP |       \
                                 NOVA_MTD_X86_QUAL)
