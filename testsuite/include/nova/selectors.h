/* Well-known object selectors (spec 5.5, 5.6). They count down from
 * SEL_NUM, which the HIP reports (offset 0x58), so they are functions of it. */
#pragma once
#include <stdint.h>

typedef uint64_t nova_sel;

/* Root object space, initial contents; every other slot is CAP0. */
#define NOVA_ROOT_SEL_NOVA_OBJ(sel_num) ((sel_num) - 1)  /* NOVA object space, TAKE */
#define NOVA_ROOT_SEL_ROOT_OBJ(sel_num) ((sel_num) - 2)  /* root object space, 0x03 */
#define NOVA_ROOT_SEL_PD(sel_num)       ((sel_num) - 3)  /* root PD, 0x1F */
#define NOVA_ROOT_SEL_EC(sel_num)       ((sel_num) - 4)  /* root EC, 0x0D */
#define NOVA_ROOT_SEL_SC(sel_num)       ((sel_num) - 5)  /* root SC, 0x01 */
#define NOVA_ROOT_SEL_COUNT 5u

/* NOVA object space (reached through NOVA_ROOT_SEL_NOVA_OBJ with ctrl_pd). */
#define NOVA_SEL_CONSOLE_SM(sel_num) ((sel_num) - 1)  /* memory-buffer console SM, 0x03 */
#define NOVA_SEL_NOVA_OBJ(sel_num)   ((sel_num) - 2)  /* TAKE */
#define NOVA_SEL_NOVA_HST(sel_num)   ((sel_num) - 3)  /* TAKE */
#define NOVA_SEL_NOVA_PIO(sel_num)   ((sel_num) - 4)  /* TAKE; CAP0 on Arm */
#define NOVA_SEL_NOVA_MSR(sel_num)   ((sel_num) - 5)  /* TAKE; CAP0 on Arm */
#define NOVA_SEL_ROOT_OBJ(sel_num)   ((sel_num) - 6)  /* all defined */
#define NOVA_SEL_ROOT_HST(sel_num)   ((sel_num) - 7)  /* all defined */
#define NOVA_SEL_ROOT_PIO(sel_num)   ((sel_num) - 8)  /* all defined; CAP0 on Arm */
/* Impl. note only: the root PD capability; the spec does not list it. */
#define NOVA_SEL_ROOT_PD_IMPL(sel_num) ((sel_num) - 9)

/* Interrupt semaphores: 0x10000 .. 0x10000 + INT_PIN + INT_MSI - 1
 * (ASSIGN + CTRL_DN). Impl.: index = GSI (x86) or SPI (Arm), pins first. */
#define NOVA_SEL_INT_SM_BASE 0x10000u
/* Idle SCs: 0 .. CPU_NUM - 1 (CTRL); ctrl_sc reads a CPU's idle time. */
#define NOVA_SEL_IDLE_SC(cpu) ((nova_sel)(cpu))

/* Impl. note: SEL_NUM = 2^18 in NOVA; a compatible kernel may reuse it. */
#define NOVA_SEL_NUM_IMPL 0x40000u
