/* x86-64 architectural UTCB layout (spec 3.5, 0x270 bytes): the state an
 * exception or intercept IPC moves, selected by the MTD (nova/x86_64/mtd.h).
 * It overlays the start of the UTCB page. Always available, so host tools
 * can check the layout whatever they are compiled for. */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* Segment record: selector, access rights (3.6), limit, base. */
struct nova_x86_seg {
    uint16_t sel;
    uint16_t ar;
    uint32_t limit;
    uint64_t base;
};
_Static_assert(offsetof(struct nova_x86_seg, sel) == 0, "seg selector");
_Static_assert(offsetof(struct nova_x86_seg, ar) == 2, "seg access rights");
_Static_assert(offsetof(struct nova_x86_seg, limit) == 4, "seg limit");
_Static_assert(offsetof(struct nova_x86_seg, base) == 8, "seg base");
_Static_assert(sizeof(struct nova_x86_seg) == 16, "seg size");

struct nova_utcb_x86 {
    uint64_t rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi;    /* R0..R7 */
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rflags;
    uint64_t rip;
    uint32_t inst_len;
    uint32_t inst_info;
    uint32_t intr_state;        /* interruptibility state */
    uint32_t actv_state;        /* activity state */
    uint64_t qual[3];           /* host EC: [0] error code, [1] #PF linear address */
    uint64_t reserved_b8;
    uint32_t ctrl[2];           /* 1st, 2nd execution controls */
    uint64_t ctrl3;             /* 3rd execution controls */
    uint64_t cr0_mask;          /* CR0 intercept mask */
    uint64_t cr4_mask;          /* CR4 intercept mask */
    uint32_t exc_bitmap;        /* exception intercept bitmap */
    uint32_t pfec_mask;
    uint32_t pfec_match;
    uint32_t tpr_threshold;
    uint32_t intr_info;         /* interruption info (NOVA_X86_INTR_*) */
    uint32_t intr_error;
    uint32_t vect_info;         /* IDT-vectoring info */
    uint32_t vect_error;
    struct nova_x86_seg cs, ss, ds, es, fs, gs, tr, ldtr;
    struct nova_x86_seg gdtr, idtr;     /* only limit and base are used */
    uint64_t pdpte[4];
    uint64_t cr0, cr2, cr3, cr4, cr8;
    uint64_t dr7;
    uint64_t xcr0;
    uint64_t xss;
    uint64_t apic_base;
    uint64_t sysenter_cs, sysenter_esp, sysenter_eip;
    uint64_t pat;
    uint64_t efer;
    uint64_t star, lstar, fmask;
    uint64_t kernel_gs_base;
    uint64_t tsc_aux;
    uint64_t sel_gst, sel_pio, sel_msr; /* object selectors for SPACES */
};

#define NOVA_X86_UTCB_ARCH_SIZE 0x270u

#define NOVA_X86_UTCB_AT(field, off) \
    _Static_assert(offsetof(struct nova_utcb_x86, field) == (off), "x86 UTCB " #field)
NOVA_X86_UTCB_AT(rax, 0x000);
NOVA_X86_UTCB_AT(rcx, 0x008);
NOVA_X86_UTCB_AT(rdx, 0x010);
NOVA_X86_UTCB_AT(rbx, 0x018);
NOVA_X86_UTCB_AT(rsp, 0x020);
NOVA_X86_UTCB_AT(rbp, 0x028);
NOVA_X86_UTCB_AT(rsi, 0x030);
NOVA_X86_UTCB_AT(rdi, 0x038);
NOVA_X86_UTCB_AT(r8, 0x040);
NOVA_X86_UTCB_AT(r9, 0x048);
NOVA_X86_UTCB_AT(r10, 0x050);
NOVA_X86_UTCB_AT(r11, 0x058);
NOVA_X86_UTCB_AT(r12, 0x060);
NOVA_X86_UTCB_AT(r13, 0x068);
NOVA_X86_UTCB_AT(r14, 0x070);
NOVA_X86_UTCB_AT(r15, 0x078);
NOVA_X86_UTCB_AT(rflags, 0x080);
NOVA_X86_UTCB_AT(rip, 0x088);
NOVA_X86_UTCB_AT(inst_len, 0x090);
NOVA_X86_UTCB_AT(inst_info, 0x094);
NOVA_X86_UTCB_AT(intr_state, 0x098);
NOVA_X86_UTCB_AT(actv_state, 0x09C);
NOVA_X86_UTCB_AT(qual[0], 0x0A0);
NOVA_X86_UTCB_AT(qual[1], 0x0A8);
NOVA_X86_UTCB_AT(qual[2], 0x0B0);
NOVA_X86_UTCB_AT(reserved_b8, 0x0B8);
NOVA_X86_UTCB_AT(ctrl[0], 0x0C0);
NOVA_X86_UTCB_AT(ctrl[1], 0x0C4);
NOVA_X86_UTCB_AT(ctrl3, 0x0C8);
NOVA_X86_UTCB_AT(cr0_mask, 0x0D0);
NOVA_X86_UTCB_AT(cr4_mask, 0x0D8);
NOVA_X86_UTCB_AT(exc_bitmap, 0x0E0);
NOVA_X86_UTCB_AT(pfec_mask, 0x0E4);
NOVA_X86_UTCB_AT(pfec_match, 0x0E8);
NOVA_X86_UTCB_AT(tpr_threshold, 0x0EC);
NOVA_X86_UTCB_AT(intr_info, 0x0F0);
NOVA_X86_UTCB_AT(intr_error, 0x0F4);
NOVA_X86_UTCB_AT(vect_info, 0x0F8);
NOVA_X86_UTCB_AT(vect_error, 0x0FC);
NOVA_X86_UTCB_AT(cs, 0x100);
NOVA_X86_UTCB_AT(ss, 0x110);
NOVA_X86_UTCB_AT(ds, 0x120);
NOVA_X86_UTCB_AT(es, 0x130);
NOVA_X86_UTCB_AT(fs, 0x140);
NOVA_X86_UTCB_AT(gs, 0x150);
NOVA_X86_UTCB_AT(tr, 0x160);
NOVA_X86_UTCB_AT(ldtr, 0x170);
NOVA_X86_UTCB_AT(gdtr, 0x180);
NOVA_X86_UTCB_AT(idtr, 0x190);
NOVA_X86_UTCB_AT(pdpte[0], 0x1A0);
NOVA_X86_UTCB_AT(pdpte[1], 0x1A8);
NOVA_X86_UTCB_AT(pdpte[2], 0x1B0);
NOVA_X86_UTCB_AT(pdpte[3], 0x1B8);
NOVA_X86_UTCB_AT(cr0, 0x1C0);
NOVA_X86_UTCB_AT(cr2, 0x1C8);
NOVA_X86_UTCB_AT(cr3, 0x1D0);
NOVA_X86_UTCB_AT(cr4, 0x1D8);
NOVA_X86_UTCB_AT(cr8, 0x1E0);
NOVA_X86_UTCB_AT(dr7, 0x1E8);
NOVA_X86_UTCB_AT(xcr0, 0x1F0);
NOVA_X86_UTCB_AT(xss, 0x1F8);
NOVA_X86_UTCB_AT(apic_base, 0x200);
NOVA_X86_UTCB_AT(sysenter_cs, 0x208);
NOVA_X86_UTCB_AT(sysenter_esp, 0x210);
NOVA_X86_UTCB_AT(sysenter_eip, 0x218);
NOVA_X86_UTCB_AT(pat, 0x220);
NOVA_X86_UTCB_AT(efer, 0x228);
NOVA_X86_UTCB_AT(star, 0x230);
NOVA_X86_UTCB_AT(lstar, 0x238);
NOVA_X86_UTCB_AT(fmask, 0x240);
NOVA_X86_UTCB_AT(kernel_gs_base, 0x248);
NOVA_X86_UTCB_AT(tsc_aux, 0x250);
NOVA_X86_UTCB_AT(sel_gst, 0x258);
NOVA_X86_UTCB_AT(sel_pio, 0x260);
NOVA_X86_UTCB_AT(sel_msr, 0x268);
#undef NOVA_X86_UTCB_AT
_Static_assert(sizeof(struct nova_utcb_x86) == NOVA_X86_UTCB_ARCH_SIZE, "x86 UTCB size");

/* Segment access rights (3.6): the VMX format with bits 16..12 moved to
 * 12..8. */
#define NOVA_X86_AR_TYPE(t)   ((t) & 0xFu)
#define NOVA_X86_AR_S         (1u << 4)     /* code/data (else system) */
#define NOVA_X86_AR_DPL(d)    (((d) & 3u) << 5)
#define NOVA_X86_AR_P         (1u << 7)
#define NOVA_X86_AR_AVL       (1u << 8)
#define NOVA_X86_AR_L         (1u << 9)     /* 64-bit code (CS only) */
#define NOVA_X86_AR_DB        (1u << 10)
#define NOVA_X86_AR_G         (1u << 11)
#define NOVA_X86_AR_UNUSABLE  (1u << 12)

/* Interruption information (3.6). */
#define NOVA_X86_INTR_VECTOR(v) ((v) & 0xFFu)
#define NOVA_X86_INTR_TYPE(t)   (((t) & 7u) << 8)
#define NOVA_X86_INTR_E         (1u << 11)  /* deliver the error code */
#define NOVA_X86_INTR_I         (1u << 12)  /* request an interrupt window */
#define NOVA_X86_INTR_N         (1u << 13)  /* request an NMI window */
#define NOVA_X86_INTR_V         (1u << 31)  /* E, type and vector valid */
enum nova_x86_intr_type {
    NOVA_X86_INTR_EXTINT = 0,
    /* 1 is not listed by the spec */
    NOVA_X86_INTR_NMI = 2,
    NOVA_X86_INTR_HWEXC = 3,
    NOVA_X86_INTR_SWINT = 4,
    NOVA_X86_INTR_PRIV_SWEXC = 5,
    NOVA_X86_INTR_SWEXC = 6,
    NOVA_X86_INTR_OTHER = 7,
};
