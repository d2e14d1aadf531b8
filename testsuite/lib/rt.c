/* From _start to nova_main: record what the kernel handed over, pull the
 * spaces, attach the console and the exit device. */
#include "libnova/rt.h"
#include "libnova/boot.h"
#include "libnova/console.h"
#include "libnova/exit.h"
#include "nova/hip.h"
#include "nova/root.h"

struct nova_rt nova_rt;

_Noreturn void nova_rt_start(uintptr_t hip, uint64_t a0, uint64_t a1, uint64_t a2);

void nova_rt_start(uintptr_t hip, uint64_t a0, uint64_t a1, uint64_t a2)
{
    const struct nova_hip *h = (const struct nova_hip *)hip;
    nova_rt.hip = h;
    nova_rt.top = hip + NOVA_ROOT_HIP_OFFSET;
    nova_rt.utcb = (struct nova_utcb *)(hip - (NOVA_ROOT_UTCB_OFFSET - NOVA_ROOT_HIP_OFFSET));
    nova_rt.arg[0] = a0;
    nova_rt.arg[1] = a1;
    nova_rt.arg[2] = a2;
    /* A broken HIP must not take the console down with it: fall back to the
     * implementation's SEL_NUM (the hip.* probes report the problem). */
    bool hip_ok = !nova_hip_check(h, NOVA_HIP_MAX_SIZE) && h->sel_num >= 0x2000;
    nova_rt.sel_num = hip_ok ? h->sel_num : NOVA_SEL_NUM_IMPL;
    nova_rt.cpu = hip_ok ? h->cpu_bsp : 0;
    uint64_t n = nova_rt.sel_num;
    nova_rt.nova_obj = NOVA_ROOT_SEL_NOVA_OBJ(n);
    nova_rt.root_obj = NOVA_ROOT_SEL_ROOT_OBJ(n);
    nova_rt.pd = NOVA_ROOT_SEL_PD(n);
    nova_rt.ec = NOVA_ROOT_SEL_EC(n);
    nova_rt.sc = NOVA_ROOT_SEL_SC(n);

    unsigned spaces = nova_boot_spaces();
    unsigned console = nova_console_init();
    unsigned exit = nova_exit_init();
    nova_printf("libnova: root task up, HIP at 0x%lx%s, spaces %u, console %u, exit %u\n",
                (unsigned long)hip, hip_ok ? "" : " (invalid)", spaces, console, exit);
    nova_exit(nova_main() == 0);
}
