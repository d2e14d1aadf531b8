/* Hypercall dispatch: the identifier's low nibble selects the call
 * (interface §4.1); the IPC pair comes first as the hot path. */
#include "hypercall.h"
#include "ipc.h"
#include "kernel_lock.h"
#include "status.h"

_Noreturn void syscall_dispatch(void);
_Noreturn void syscall_reply(void);

/* ipc_reply's own entry: the architecture saved only what a reply needs. */
void syscall_reply(void)
{
    kernel_lock();
    struct ec *cur = ec_current();
    ipc_reply(cur, (uint32_t)sys_param(cur, 1));
}

void syscall_dispatch(void)
{
    kernel_lock();
    struct ec *cur = ec_current();
    uint64_t p0 = sys_param(cur, 0);
    switch (p0 & 0xF) {
    case HC_IPC_CALL:
        ipc_call(cur, p0 >> 8, (uint32_t)sys_param(cur, 1), p0 & 0x10);
    case HC_IPC_REPLY:
        ipc_reply(cur, (uint32_t)sys_param(cur, 1));
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
    default:
        ec_return(cur, BAD_HYP);
    }
}
