/* Hypercall dispatch: the identifier's low nibble selects the call
 * (interface §4.1). The entry code passes the first two parameter
 * registers as they came, so the IPC paths need not read them back from
 * the frame; each handler is its own function, so the dispatch itself
 * saves no registers. ipc_call and ipc_reply have entries of their own. */
#include "hypercall.h"
#include "ipc_fast.h"
#include "kernel_lock.h"
#include "status.h"

_Noreturn void syscall_dispatch(uint64_t p0, uint64_t p1);
_Noreturn void syscall_call(uint64_t p0, uint64_t p1);
_Noreturn void syscall_reply(uint64_t mtd);

/* ipc_call's own entry: the architecture tests for it first. */
void syscall_call(uint64_t p0, uint64_t p1)
{
    kernel_lock();
    ipc_call_fast(ec_current(), p0, p1);
}

/* ipc_reply's own entry (identifier exactly 1): the architecture saved
 * only what a reply needs. */
void syscall_reply(uint64_t mtd)
{
    kernel_lock();
    ipc_reply_fast(ec_current(), (uint32_t)mtd);
}

void syscall_dispatch(uint64_t p0, uint64_t p1)
{
    kernel_lock();
    struct ec *cur = ec_current();
    switch ((unsigned)p0 & 0xF) {
    /* What the entry code did not send to syscall_call / syscall_reply
     * (an architecture without them, an ipc_reply with flag bits). */
    case HC_IPC_CALL: ipc_call(cur, p0 >> 8, (uint32_t)p1, p0 & 0x10);
    case HC_IPC_REPLY: ipc_reply(cur, (uint32_t)p1);
    case HC_CREATE_PD: sys_create_pd(cur);
    case HC_CREATE_EC: sys_create_ec(cur);
    case HC_CREATE_SC: sys_create_sc(cur);
    case HC_CREATE_PT: sys_create_pt(cur);
    case HC_CREATE_SM: sys_create_sm(cur);
    case HC_CTRL_PD: sys_ctrl_pd(cur);
    case HC_CTRL_EC: sys_ctrl_ec(cur);
    case HC_CTRL_SC: sys_ctrl_sc(cur);
    case HC_CTRL_PT: sys_ctrl_pt(cur);
    case HC_CTRL_SM: sys_ctrl_sm(cur);
    case HC_CTRL_HW: sys_ctrl_hw(cur);
    case HC_ASSIGN_INT: sys_assign_int(cur);
    case HC_ASSIGN_DEV: sys_assign_dev(cur);
    default:                        /* 0xF: reserved */
        ec_return(cur, BAD_HYP);
    }
}
