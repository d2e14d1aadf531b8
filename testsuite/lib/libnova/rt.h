/* The root task's runtime view: HIP, boot arguments, its UTCB and the
 * well-known selectors, filled in by the start code before nova_main. */
#pragma once
#include <stdint.h>
#include "nova/hip.h"
#include "nova/selectors.h"
#include "nova/utcb.h"

struct nova_rt {
    const struct nova_hip *hip;     /* = the initial SP */
    uint64_t top;                   /* 2^H = HIP + 4096 */
    struct nova_utcb *utcb;         /* root EC's UTCB = HIP - 4096 */
    uint64_t arg[3];                /* x86: RDI, RSI (arg[2] = 0); aarch64: X0..X2 */
    uint64_t sel_num;
    nova_sel nova_obj, root_obj, pd, ec, sc;   /* root object space, SEL_NUM-1..-5 */
    unsigned cpu;                   /* CPU_BSP: where the root EC runs */
};
extern struct nova_rt nova_rt;

/* The suite's entry, called once the runtime and console are up; its
 * return value (0 = pass) goes to nova_exit. */
int nova_main(void);

/* The root EC's stack (in the image, since the initial SP is the HIP). */
extern char nova_root_stack[], nova_root_stack_top[];
/* The image bounds from the linker script. */
extern char __image_start[], __image_end[];
