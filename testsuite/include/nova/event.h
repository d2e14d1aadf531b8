/* Event selectors (spec 5.9). An event of an EC traverses the portal at
 * SEL_EVT + event number in the object space of the EC's PD; it must be a
 * PT capability with EVENT whose EC is on the same CPU, otherwise the
 * affected EC is killed. Architectural events (exceptions, intercepts) are
 * numbered below SEL_ARCH; the kernel events follow at SEL_ARCH + n, where
 * SEL_ARCH is SEL_HST/ARCH (host ECs) or SEL_GST/ARCH (vCPUs) from the HIP.
 * Architectural numbers: nova/x86_64/event.h, nova/aarch64/event.h. */
#pragma once
#include <stdint.h>

enum nova_kernel_event {
    NOVA_EVT_STARTUP = 0,   /* a global thread or vCPU gets its first SC */
    NOVA_EVT_RECALL  = 1,   /* after ctrl_ec */
    NOVA_EVT_VTIMER  = 2,   /* aarch64 only (impl.: guests only) */
};

/* The selector of an architectural event (vector, exception class or exit). */
static inline uint64_t nova_evt_arch(uint64_t sel_evt, unsigned number)
{
    return sel_evt + number;
}

/* The selector of a kernel event; sel_arch from the HIP. */
static inline uint64_t nova_evt_kernel(uint64_t sel_evt, unsigned sel_arch,
                                       enum nova_kernel_event ev)
{
    return sel_evt + sel_arch + (unsigned)ev;
}
