/* MSIs through interrupt semaphores (spec 4.17; HIP INT_MSI), sent by
 * QEMU's edu PCI device (edu.h): delivery and its latency, masking,
 * isolation by source device and routing to another CPU. Where the
 * platforms differ (is a masked MSI held? is the source checked?) the
 * architecture's edu part says so, and each keeps its own assertion. */
#include "edu.h"
#include "util.h"
#include "libnova/metric.h"
#include "libnova/timing.h"

enum { ROUNDS = 100, REMOTE_ROUNDS = 20 };
#define QUIET_MS 20u                /* long enough for a sent MSI to arrive */

/* assign_int, then the edu sends what it returned; *addr_out (if given)
 * gets the address. */
static bool msi_assign(struct nova_probe_ctx *ctx, const char *what, nova_sel sm, unsigned flags,
                       unsigned cpu, unsigned dev, uint32_t *addr_out)
{
    uint32_t addr = 0;
    uint16_t data = 0xFFFF;
    if (!nova_expect_status(ctx, what, nova_assign_int(sm, flags, cpu, dev, &addr, &data),
                            NOVA_SUCCESS))
        return false;
    if (!msi_plausible(addr, data)) {
        nova_fail(ctx, "%s: MSI address 0x%x data 0x%x do not look like an MSI here", what, addr,
                  data);
        return false;
    }
    edu_msi_program(addr, data);
    if (addr_out)
        *addr_out = addr;
    return true;
}

/* One MSI raised; the down's status (timeout ms). */
static unsigned raise_and_wait(nova_sel sm, unsigned ms)
{
    edu_raise();
    unsigned s = nova_sm_down(sm, nova_stc() + nova_stc_ms(ms));
    edu_ack();
    return s;
}

/* The edu silent and the MSI masked, parked on cpu. */
static void msi_quiet(nova_sel sm, unsigned cpu)
{
    edu_msi_disable();
    nova_assign_int(sm, NOVA_ASSIGN_INT_M, cpu, edu_bdf(), 0, 0);
}

static uint64_t latency[ROUNDS];

static void edu_msi(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 0)) ||
        !msi_assign(ctx, "assign_int to the edu", sm, 0, nova_rt.cpu, edu_bdf(), 0))
        return;
    nova_expect_status(ctx, "quiet before the first MSI", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    unsigned s = NOVA_SUCCESS, i = 0;
    uint64_t overhead = nova_stc_overhead();
    for (; i < ROUNDS && s == NOVA_SUCCESS; i++) {
        uint64_t t0 = nova_stc();
        edu_raise();
        s = nova_sm_down(sm, nova_stc() + nova_stc_ms(100));
        uint64_t d = nova_stc() - t0;
        latency[i] = nova_stc_net(d, overhead);
        edu_ack();
    }
    msi_quiet(sm, nova_rt.cpu);
    if (s != NOVA_SUCCESS)
        FAIL_RETURN(ctx, "round %u: no MSI arrived (down got=%s)", i - 1, nova_status_name(s));
    nova_expect_status(ctx, "one interrupt per MSI", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    nova_metric_report("irq.latency.msi", "ticks", latency, ROUNDS);
}
NOVA_PROBE("irq.edu_msi_delivery", edu_msi);

/* Masked (M=1) the MSI is not delivered. The ITS keeps it pending at the
 * redistributor, so unmasking delivers it, once; on x86 the remapping
 * unit (entry not present) or the kernel drops it, so unmasking delivers
 * only new MSIs. */
static void masked(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 1)) ||
        !msi_assign(ctx, "assign_int masked", sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, edu_bdf(), 0))
        return;
    unsigned s = raise_and_wait(sm, QUIET_MS);
    if (s != NOVA_TIMEOUT) {
        msi_quiet(sm, nova_rt.cpu);
        FAIL_RETURN(ctx, "masked: down got=%s, expected TIMEOUT", nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int unmasked", sm, 0, nova_rt.cpu, edu_bdf(), 0)) {
        if (msi_held_while_masked) {
            nova_expect_status(ctx, "the held MSI after unmasking",
                               nova_sm_down(sm, nova_stc() + nova_stc_ms(100)), NOVA_SUCCESS);
            nova_expect_status(ctx, "held once", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
        } else {
            nova_expect_status(ctx, "the dropped MSI stays dropped", nova_sm_down(sm, STC_PAST),
                               NOVA_TIMEOUT);
        }
        nova_expect_status(ctx, "a new MSI unmasked", raise_and_wait(sm, 100), NOVA_SUCCESS);
    }
    msi_quiet(sm, nova_rt.cpu);
}
NOVA_PROBE("irq.msi_masked", masked);

/* Isolation: assigned to another device, the MSI the edu sends is
 * dropped (the ITS has no mapping for the edu's DeviceID and this
 * EventID; the VT-d entry fails the source-ID check); assigned back, it
 * arrives again. Where nobody checks the source there is nothing to test. */
static void wrong_dev(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    uint32_t addr = 0;
    unsigned other = edu_bdf() + 1;     /* function 1 of the edu's slot: absent */
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 2)) ||
        !msi_assign(ctx, "assign_int to the edu", sm, 0, nova_rt.cpu, edu_bdf(), &addr))
        return;
    if (!msi_source_checked(addr)) {
        msi_quiet(sm, nova_rt.cpu);
        SKIP_RETURN(ctx, "no interrupt remapping (compatibility-format MSI address 0x%x): "
                         "the source is not checked", addr);
    }
    if (!nova_expect_status(ctx, "from the edu", raise_and_wait(sm, 100), NOVA_SUCCESS) ||
        !msi_assign(ctx, "assign_int to another device", sm, 0, nova_rt.cpu, other, 0)) {
        msi_quiet(sm, nova_rt.cpu);
        return;
    }
    unsigned s = raise_and_wait(sm, QUIET_MS);
    if (s != NOVA_TIMEOUT) {
        msi_quiet(sm, nova_rt.cpu);
        FAIL_RETURN(ctx, "dev 0x%x's MSI sent by the edu (0x%x): down got=%s, expected TIMEOUT",
                    other, edu_bdf(), nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int back to the edu", sm, 0, nova_rt.cpu, edu_bdf(), 0)) {
        nova_expect_status(ctx, "the dropped MSI stays dropped", nova_sm_down(sm, STC_PAST),
                           NOVA_TIMEOUT);
        nova_expect_status(ctx, "from the edu again", raise_and_wait(sm, 100), NOVA_SUCCESS);
    }
    msi_quiet(sm, nova_rt.cpu);
}
NOVA_PROBE("irq.msi_wrong_dev", wrong_dev);

/* Routed to another CPU (the ITS collection, the remapping entry's
 * destination, or the address's APIC ID): a down from the root's CPU is
 * BAD_CPU; there a priority-20 thread waits in the down and a priority-10
 * thread, which runs only once the waiter blocks, has the edu send the
 * MSI; the waiter tells the root. Moved back, the MSI arrives at the
 * root's CPU. */
static nova_sel go_wait, go_fire, done, remote_sm;
static volatile unsigned remote_status;
static volatile uint64_t remote_at, fired_at;
static volatile bool quit;
static uint64_t remote[REMOTE_ROUNDS];

static void remote_waiter(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(go_wait, 0) == NOVA_SUCCESS && !quit) {
        remote_status = nova_sm_down(remote_sm, nova_stc() + nova_stc_ms(100));
        remote_at = nova_stc();
        edu_ack();
        nova_sm_up(done);
    }
}

static void remote_firer(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(go_fire, 0) == NOVA_SUCCESS && !quit) {
        fired_at = nova_stc();
        edu_raise();
    }
}

/* The waiter and the firer on cpu; false (FAIL) if either is missing. */
static bool remote_threads(struct nova_probe_ctx *ctx, unsigned cpu)
{
    go_wait = sm_new(ctx, 0);
    go_fire = sm_new(ctx, 0);
    done = sm_new(ctx, 0);
    quit = false;
    return go_wait && go_fire && done &&
           nova_expect_status(ctx, "waiter on the other CPU",
                              thread_on_cpu(cpu, remote_waiter, 0, 20, 0, 0), NOVA_SUCCESS) &&
           nova_expect_status(ctx, "firer on the other CPU",
                              thread_on_cpu(cpu, remote_firer, 0, 10, 0, 0), NOVA_SUCCESS);
}

/* Rounds until one fails; its status (SUCCESS: all arrived), *rounds how
 * many ran. */
static unsigned remote_rounds(unsigned *rounds)
{
    uint64_t overhead = nova_stc_overhead();
    unsigned i = 0, s = NOVA_SUCCESS;
    for (; i < REMOTE_ROUNDS && s == NOVA_SUCCESS; i++) {
        remote_status = 0xFF;
        fired_at = 0;
        nova_sm_up(go_wait);            /* the waiter outranks the firer there */
        nova_sm_up(go_fire);
        s = nova_sm_down(done, nova_stc() + nova_stc_ms(1000));
        if (s == NOVA_SUCCESS)
            s = remote_status;
        if (s == NOVA_SUCCESS && !fired_at)
            s = NOVA_ABORTED;           /* an MSI before the edu was told to send */
        remote[i] = nova_stc_net(remote_at - fired_at, overhead);
    }
    quit = true;
    nova_sm_up(go_wait);
    nova_sm_up(go_fire);
    *rounds = i;
    return s;
}

static void other_cpu(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi)
        SKIP_RETURN(ctx, "%s", edu_no_msis);
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    unsigned cpu = nova_rt.cpu ? 0 : 1, rounds;
    if (!edu_ready(ctx) || !(remote_sm = msi_sm(ctx, 4)) ||   /* 3 is msi_bad_dev's */
        !msi_assign(ctx, "assign_int to the other CPU", remote_sm, 0, cpu, edu_bdf(), 0))
        return;
    nova_expect_status(ctx, "down from the root's CPU", nova_sm_down(remote_sm, STC_PAST),
                       NOVA_BAD_CPU);
    if (!remote_threads(ctx, cpu)) {
        msi_quiet(remote_sm, cpu);
        return;
    }
    unsigned s = remote_rounds(&rounds);
    if (s != NOVA_SUCCESS) {
        msi_quiet(remote_sm, cpu);
        FAIL_RETURN(ctx, "round %u: no MSI on CPU %u (status %s)", rounds - 1, cpu,
                    nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int back to the root's CPU", remote_sm, 0, nova_rt.cpu, edu_bdf(),
                   0))
        nova_expect_status(ctx, "on the root's CPU", raise_and_wait(remote_sm, 100), NOVA_SUCCESS);
    msi_quiet(remote_sm, nova_rt.cpu);
    nova_metric_report("irq.latency.msi_other_cpu", "ticks", remote, REMOTE_ROUNDS);
}
NOVA_PROBE("irq.msi_other_cpu", other_cpu);
