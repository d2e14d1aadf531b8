/* How libnova uses the root's selector and host-virtual spaces. The root
 * EC's SEL_EVT is 0, so the lowest selectors are its event portals. */
#pragma once

/* Root object space. */
#define NOVA_LIB_SEL_EVT_SPAN  0x800u   /* 0..0x7FF: root-PD event portals (SEL_EVT 0) */
#define NOVA_LIB_SEL_NOVA_HST  0x800u   /* pulled from the NOVA object space at boot */
#define NOVA_LIB_SEL_ROOT_HST  0x801u
#define NOVA_LIB_SEL_NOVA_PIO  0x802u   /* x86 */
#define NOVA_LIB_SEL_ROOT_PIO  0x803u   /* x86 */
#define NOVA_LIB_SEL_NOVA_MSR  0x804u   /* x86 */
#define NOVA_LIB_SEL_NULL      0xE00u   /* 0xE00..0xFFF stay CAP0: revocation source */
#define NOVA_LIB_SEL_NULL_ORD  9u
#define NOVA_LIB_SEL_DYN       0x1000u  /* nova_sel_alloc hands out from here */
#define NOVA_LIB_SEL_DYN_TOP_GAP 0x100u /* kept free below SEL_NUM */

/* Root host space (all far below 2^32, the smallest 2^H on aarch64). */
#define NOVA_LIB_VA_IMAGE   0x00400000u  /* the root ELF (linker script) */
#define NOVA_LIB_VA_DEVICE  0x0F000000u  /* device pages (UART) */
#define NOVA_LIB_VA_UTCB    0x10000000u  /* UTCBs of created ECs, never reused */
#define NOVA_LIB_VA_UTCB_END 0x20000000u
#define NOVA_LIB_VA_SCRATCH 0x20000000u  /* probe mappings, never reused */
#define NOVA_LIB_VA_SCRATCH_END 0x30000000u
