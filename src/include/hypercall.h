/* Hypercall numbers and flags (interface §4.1) and the handlers. */
#pragma once
#include <stdint.h>
#include "ec.h"

enum hypercall {
    HC_IPC_CALL, HC_IPC_REPLY, HC_CREATE_PD, HC_CREATE_EC, HC_CREATE_SC, HC_CREATE_PT,
    HC_CREATE_SM, HC_CTRL_PD, HC_CTRL_EC, HC_CTRL_SC, HC_CTRL_PT, HC_CTRL_SM,
    HC_CTRL_HW, HC_ASSIGN_INT, HC_ASSIGN_DEV,
};

/* Event selector offsets (interface §5.9, impl. values in the HIP). */
#define SEL_HST_ARCH_X86 32
#define SEL_HST_ARCH_ARM 64
#define EVT_STARTUP 0
#define EVT_RECALL 1

/* Handlers: each ends by returning to user mode (or blocking). */
_Noreturn void sys_create_pd(struct ec *cur);
_Noreturn void sys_create_ec(struct ec *cur);
_Noreturn void sys_create_sc(struct ec *cur);
_Noreturn void sys_create_pt(struct ec *cur);
_Noreturn void sys_create_sm(struct ec *cur);
_Noreturn void sys_ctrl_pd(struct ec *cur);
_Noreturn void sys_ctrl_ec(struct ec *cur);
_Noreturn void sys_ctrl_sc(struct ec *cur);
_Noreturn void sys_ctrl_pt(struct ec *cur);
_Noreturn void sys_ctrl_sm(struct ec *cur);
_Noreturn void sys_ctrl_hw(struct ec *cur);
_Noreturn void sys_assign_int(struct ec *cur);
_Noreturn void sys_assign_dev(struct ec *cur);

/* ctrl_pt's light entry, the null hypercall's path: it neither blocks
 * nor switches, so the entry code saves only the registers C may clobber
 * (none where ARCH_LIGHT_ENTRY makes C keep them all), takes the kernel
 * lock, leaves the EC's frame alone and returns to user mode itself with
 * the status. */
#ifndef ARCH_LIGHT_ENTRY
#define ARCH_LIGHT_ENTRY
#endif
ARCH_LIGHT_ENTRY uint64_t syscall_ctrl_pt(uint64_t p0, uint64_t pid, uint64_t mtd);

/* ctrl_hw OP=0, an S-state transition (interface §4.16); returns only
 * when it did not happen or was shallow (weak default: BAD_FTR). */
enum status arch_ctrl_hw_sstate(uint64_t desc);

/* The number of event selectors for architectural host events. */
extern const uint64_t sel_hst_arch;

/* Parameter i of the current hypercall. */
static inline uint64_t sys_param(struct ec *cur, unsigned i) { return *uregs_param(&cur->regs, i); }
