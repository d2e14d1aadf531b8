/* The root monitor's handler; see libnova/monitor.h for the policy. */
#include "libnova/monitor.h"
#include "libnova/alloc.h"
#include "libnova/console.h"
#include "libnova/ec.h"
#include "libnova/exit.h"
#include "libnova/hc.h"
#include "libnova/layout.h"
#include "libnova/rt.h"
#include "libnova/state.h"
#include "nova/event.h"

volatile unsigned nova_monitor_recalls, nova_monitor_kills, nova_monitor_startups;
struct nova_exc nova_monitor_last;

static bool active;
static struct {
    volatile bool armed, taken;
    unsigned event, skip;
    struct nova_exc exc;
} expect;

static struct nova_exc state(const nova_utcb_arch *u, unsigned event)
{
    return (struct nova_exc){event, nova_state_ip(u), nova_state_addr(u), nova_state_code(u),
                             nova_state_sp(u)};
}

static bool on_root_stack(uint64_t sp)
{
    return sp > (uintptr_t)nova_root_stack && sp <= (uintptr_t)nova_root_stack_top;
}

static uint32_t exception(nova_utcb_arch *u, unsigned event)
{
    struct nova_exc e = state(u, event);
    nova_monitor_last = e;
    if (e.ip == (uintptr_t)nova_thread_exit_trap)
        return NOVA_MTD_KILL;                    /* a libnova thread's end */
    if (nova_exit_trapped(e.ip)) {
        nova_state_set_ip(u, e.ip + NOVA_UD_LEN);      /* the exit's fallback ran; resume */
        return NOVA_MTD_IP;
    }
    if (expect.armed && expect.event == event) {
        expect.armed = false;
        expect.exc = e;
        expect.taken = true;
        nova_state_set_ip(u, e.ip + expect.skip);
        return NOVA_MTD_IP;
    }
    struct nova_try *t = nova_try_current;
    if (t && on_root_stack(e.sp)) {
        t->exc = e;
        nova_state_set_ip(u, (uintptr_t)nova_try_landing);
        /* Below the frame's SP, clear of what the setjmp caller uses. */
        nova_state_set_sp(u, (t->jmp.reg[NOVA_JMP_SP] - 256) & ~(uint64_t)15);
        return NOVA_MTD_IP | NOVA_MTD_SP;
    }
    /* Free text for whoever reads the log; probes that kill on purpose
     * produce it too. */
    nova_printf("libnova: monitor kills an EC: event 0x%x ip 0x%lx addr 0x%lx\n", event,
                (unsigned long)e.ip, (unsigned long)e.addr);
    nova_monitor_kills++;
    return NOVA_MTD_KILL;
}

static uint32_t handler(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)mtd;
    nova_utcb_arch *u = (nova_utcb_arch *)ec->utcb;
    unsigned arch = nova_rt.hip->sel_hst_arch;
    if (pid == arch + NOVA_EVT_STARTUP) {
        nova_monitor_startups++;
        nova_state_set_ip(u, (uintptr_t)nova_thread_entry);
        return NOVA_MTD_IP;
    }
    if (pid == arch + NOVA_EVT_RECALL) {
        nova_monitor_recalls++;
        return 0;
    }
    if (pid >= arch)
        return 0;
    return exception(u, (unsigned)pid);
}

unsigned nova_monitor_start(void)
{
    const struct nova_hip *hip = nova_rt.hip;
    unsigned span = hip->sel_hst_arch + hip->sel_hst_nova;
    if (!span || span > NOVA_LIB_SEL_EVT_SPAN)
        return NOVA_BAD_PAR;
    /* The monitor's own events go to a block that stays empty: if the
     * monitor faults, the kernel kills it rather than recursing. */
    unsigned order = 0;
    while ((1u << order) < span)
        order++;
    struct nova_ec_attr a = {.cpu = NOVA_EC_CPU_BSP, .evt = nova_sel_alloc(order)};
    struct nova_ec *ec;
    unsigned s = nova_ec_create(&ec, &a, handler, 0, 0);
    if (s)
        return s;
    for (unsigned i = 0; i < span; i++) {
        s = nova_create_pt(i, nova_rt.pd, ec->sel, (uintptr_t)nova_portal_entry);
        if (!s)
            s = nova_ctrl_pt(i, i, NOVA_MTD_STATE);
        if (s)
            return s;
    }
    active = true;
    return 0;
}

bool nova_monitor_active(void)
{
    return active;
}

void nova_exc_expect(unsigned event, unsigned skip)
{
    expect.taken = false;
    expect.event = event;
    expect.skip = skip;
    expect.armed = true;
}

bool nova_exc_taken(struct nova_exc *exc)
{
    expect.armed = false;
    if (expect.taken && exc)
        *exc = expect.exc;
    return expect.taken;
}
