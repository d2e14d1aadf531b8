/* Permission bits of every capability type (spec 2.2, 2.3). Each field is
 * 5 bits wide; a capability whose permissions become 0 is CAP0. */
#pragma once

#define NOVA_PERM_BITS 0x1Fu          /* the pmm width of ctrl_pd */

/* Object space and host space capabilities. */
#define NOVA_PERM_SPACE_GRANT  0x01u  /* may be the destination of ctrl_pd */
#define NOVA_PERM_SPACE_TAKE   0x02u  /* may be the source of ctrl_pd */
#define NOVA_PERM_SPACE_ASSIGN 0x04u  /* GST/PIO/MSR: vCPU assignment; DMA: assign_dev */
#define NOVA_PERM_OBJ_ALL      0x03u
#define NOVA_PERM_HST_ALL      0x03u
#define NOVA_PERM_GST_ALL      0x05u  /* no TAKE: never a ctrl_pd source */
#define NOVA_PERM_DMA_ALL      0x05u
#define NOVA_PERM_PIO_ALL      0x07u
#define NOVA_PERM_MSR_ALL      0x07u

/* PD capability: which create_* calls may name it as owner. */
#define NOVA_PERM_PD_PD  0x01u
#define NOVA_PERM_PD_EC  0x02u
#define NOVA_PERM_PD_SC  0x04u
#define NOVA_PERM_PD_PT  0x08u
#define NOVA_PERM_PD_SM  0x10u
#define NOVA_PERM_PD_ALL 0x1Fu

/* EC capability (bit 1 and bit 4 are undefined). */
#define NOVA_PERM_EC_CTRL    0x01u
#define NOVA_PERM_EC_BIND_PT 0x04u
#define NOVA_PERM_EC_BIND_SC 0x08u
#define NOVA_PERM_EC_ALL     0x0Du

/* SC capability. */
#define NOVA_PERM_SC_CTRL 0x01u
#define NOVA_PERM_SC_ALL  0x01u

/* PT capability. */
#define NOVA_PERM_PT_CTRL  0x01u
#define NOVA_PERM_PT_CALL  0x02u
#define NOVA_PERM_PT_EVENT 0x04u
#define NOVA_PERM_PT_ALL   0x07u

/* SM capability; ASSIGN exists only on interrupt semaphores. */
#define NOVA_PERM_SM_UP     0x01u
#define NOVA_PERM_SM_DN     0x02u
#define NOVA_PERM_SM_ASSIGN 0x10u
#define NOVA_PERM_SM_ALL    0x03u     /* a regular SM from create_sm */
#define NOVA_PERM_SM_INT    0x12u     /* interrupt SMs: CTRL_DN + ASSIGN */

/* Memory capability (one 4 KiB frame in a host, guest or DMA space). */
#define NOVA_PERM_MEM_R  0x01u
#define NOVA_PERM_MEM_W  0x02u
#define NOVA_PERM_MEM_XU 0x04u        /* execute in user mode */
#define NOVA_PERM_MEM_XS 0x08u        /* execute in supervisor mode */
#define NOVA_PERM_MEM_ALL 0x0Fu

/* PIO capability (one I/O port). */
#define NOVA_PERM_PIO_A 0x01u

/* MSR capability (one MSR). */
#define NOVA_PERM_MSR_R 0x01u
#define NOVA_PERM_MSR_W 0x02u
