/* Interrupt delivery through an interrupt semaphore on the GIC (spec 4.17,
 * 4.15; index = SPI number): the console UART's transmit interrupt, a
 * level-high SPI raised by unmasking it in the UART while the transmitter
 * has nothing to send (QEMU 7.2: the PL011 keeps TXRIS set once a byte
 * went out; the Cadence UART's TEMPTY is set while its FIFO is empty).
 * The root waits in a down (which unmasks the SPI); a lower-priority
 * thread on the same CPU then raises the line, so every interrupt
 * arrives while the root is blocked, as a driver's does. The latency is
 * from that write to the root running again; the root silences the UART
 * before its next down (the level interrupt stays masked until then). */
#include "util.h"
#include "libnova/board.h"
#include "libnova/device.h"
#include "libnova/io.h"
#include "libnova/metric.h"
#include "libnova/string.h"
#include "libnova/state.h"
#include "libnova/timing.h"
#include "nova/event.h"

enum { ROUNDS = 100 };

struct uart_irq {
    const char *driver;         /* nova_uart_driver.name */
    unsigned spi;               /* QEMU virt: PL011 SPI 1; ZynqMP: uart0 SPI 21 */
    unsigned on_reg, on_val, off_reg, off_val, ack_reg, ack_val;
};

/* PL011: IMSC (0x38) TXIM bit 5. Cadence: IER (0x08) / IDR (0x0C)
 * TEMPTY bit 3, ISR (0x14) write 1 to clear. */
static const struct uart_irq uarts[] = {
    {"pl011", 1, 0x38, 1u << 5, 0x38, 0, 0x38, 0},
    {"cadence", 21, 0x08, 1u << 3, 0x0C, 1u << 3, 0x14, 1u << 3},
};

static const struct uart_irq *uart_of_board(void)
{
    for (unsigned i = 0; i < sizeof uarts / sizeof uarts[0]; i++)
        if (!strcmp(uarts[i].driver, nova_board.uart->name))
            return &uarts[i];
    return 0;
}

static uint64_t latency[ROUNDS];
static nova_sel go;
static uintptr_t fire_reg;
static uint32_t fire_val;
static volatile uint64_t fired_at;
static volatile bool quit;

/* Lets the threads (arg: the SM they wait on) see quit and end; they run
 * only once we block. */
static void stop_threads(struct nova_ec *const *t, unsigned n)
{
    nova_sel nap = nova_sel_alloc(0);
    quit = true;
    for (unsigned i = 0; i < n; i++)
        if (t[i])
            nova_sm_up((nova_sel)(uintptr_t)t[i]->arg);
    if (!nap || nova_create_sm(nap, nova_rt.pd, 0))
        return;
    for (unsigned ms = 0; ms < 100; ms++) {
        bool all = true;
        for (unsigned i = 0; i < n; i++)
            all &= !t[i] || t[i]->done;
        if (all)
            return;
        nova_sm_down(nap, nova_stc() + nova_stc_ms(1));
    }
}

static void firer(struct nova_ec *ec)
{
    while (nova_sm_down((nova_sel)(uintptr_t)ec->arg, 0) == NOVA_SUCCESS && !quit) {
        fired_at = nova_stc();
        nova_mmio_write32(fire_reg, fire_val);           /* the line goes high */
    }
}

static void uart_tx(struct nova_probe_ctx *ctx)
{
    const struct uart_irq *u = uart_of_board();
    if (!u)
        SKIP_RETURN(ctx, "no interrupt source known for the %s UART", nova_board.uart->name);
    if (nova_rt.hip->int_pin <= u->spi)
        SKIP_RETURN(ctx, "no SPI %u (INT_PIN = %u)", u->spi, nova_rt.hip->int_pin);
    uintptr_t regs;
    nova_sel sm = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "map the UART", nova_device_map(nova_board.uart_base, &regs),
                            NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "pull the interrupt SM",
                            nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj,
                                         NOVA_SEL_INT_SM_BASE + u->spi, 0, sm, NOVA_PERM_BITS, 0),
                            NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "assign_int (level, high, unmasked)",
                            nova_assign_int(sm, NOVA_ASSIGN_INT_T, nova_rt.cpu, 0, 0, 0),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "quiet before the first round", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    struct nova_ec *thread;
    go = sm_new(ctx, 0);
    fire_reg = regs + u->on_reg;
    fire_val = u->on_val;
    quit = false;
    if (!go || !nova_expect_status(ctx, "firing thread",
                                   nova_thread_start(&thread, firer, (void *)(uintptr_t)go, 10),
                                   NOVA_SUCCESS))
        return;
    unsigned s = NOVA_SUCCESS, i = 0;
    uint64_t overhead = nova_stc_overhead();
    for (; i < ROUNDS && s == NOVA_SUCCESS; i++) {
        fired_at = 0;
        nova_sm_up(go);                 /* runs once we block */
        s = nova_sm_down(sm, nova_stc() + nova_stc_ms(100));
        uint64_t d = nova_stc() - fired_at;
        nova_mmio_write32(regs + u->off_reg, u->off_val);
        if (u->ack_val)
            nova_mmio_write32(regs + u->ack_reg, u->ack_val);
        if (s == NOVA_SUCCESS && !fired_at)
            FAIL_RETURN(ctx, "round %u: an interrupt before the line was raised", i);
        latency[i] = nova_stc_net(d, overhead);
    }
    stop_threads(&thread, 1);
    /* Masked in the GIC and quiet in the UART: nothing may be counted. */
    nova_assign_int(sm, NOVA_ASSIGN_INT_M | NOVA_ASSIGN_INT_T, nova_rt.cpu, 0, 0, 0);
    nova_expect_status(ctx, "no interrupt after the UART stopped", nova_sm_down(sm, STC_PAST),
                       NOVA_TIMEOUT);
    if (s != NOVA_SUCCESS)
        FAIL_RETURN(ctx, "round %u: no interrupt arrived (down got=%s)", i - 1, nova_status_name(s));
    nova_metric_report("irq.latency.uart", "ticks", latency, ROUNDS);
}
NOVA_PROBE("irq.uart_tx_delivery", uart_tx);

/* The same interrupt routed to another CPU (interface §4.17 cpu): a down
 * from the root's CPU is BAD_CPU; there a waiting thread gets it, raised
 * by a lower-priority thread on that CPU as above, and tells the root. */
static nova_sel go_wait, done, remote_sm;
static uintptr_t remote_regs;
static const struct uart_irq *remote_uart;
static volatile unsigned remote_status;
static volatile uint64_t remote_latency;

static void remote_waiter(struct nova_ec *ec)
{
    while (nova_sm_down((nova_sel)(uintptr_t)ec->arg, 0) == NOVA_SUCCESS && !quit) {
        remote_status = nova_sm_down(remote_sm, nova_stc() + nova_stc_ms(100));
        remote_latency = nova_stc() - fired_at;
        nova_mmio_write32(remote_regs + remote_uart->off_reg, remote_uart->off_val);
        if (remote_uart->ack_val)
            nova_mmio_write32(remote_regs + remote_uart->ack_reg, remote_uart->ack_val);
        nova_sm_up(done);
    }
}

static uint32_t startup_here(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    nova_state_set_ip((nova_utcb_arch *)ec->utcb, (uintptr_t)nova_thread_entry);
    return NOVA_MTD_IP;
}

/* Two threads on cpu (priorities 20 and 10) whose STARTUP portal is
 * served there too (event portals must be on the EC's CPU, 5.9). */
static struct nova_ec *remote_threads[2];

static unsigned threads_on(unsigned cpu)
{
    const struct nova_hip *hip = nova_rt.hip;
    unsigned span = hip->sel_hst_arch + hip->sel_hst_nova, order = 0;
    while ((1u << order) < span)
        order++;
    struct nova_ec_attr h = {.cpu = cpu, .evt = nova_sel_alloc(order)};
    struct nova_ec *handler, **t = remote_threads;
    nova_sel evt = nova_sel_alloc(order), startup = evt + hip->sel_hst_arch + NOVA_EVT_STARTUP;
    unsigned s = nova_ec_create(&handler, &h, startup_here, 0, 0);
    if (!s)
        s = nova_create_pt(startup, nova_rt.pd, handler->sel, (uintptr_t)nova_portal_entry);
    if (!s)
        s = nova_ctrl_pt(startup, hip->sel_hst_arch + NOVA_EVT_STARTUP, NOVA_MTD_STATE);
    struct nova_ec_attr a = {.flags = NOVA_EC_T, .cpu = cpu, .evt = evt};
    nova_thread_fn *fn[2] = {remote_waiter, firer};
    nova_sel wait_on[2] = {go_wait, go};
    for (unsigned i = 0; i < 2 && !s; i++) {
        s = nova_ec_create(&t[i], &a, 0, fn[i], (void *)(uintptr_t)wait_on[i]);
        if (!s)
            s = nova_create_sc(nova_sel_alloc(0), nova_rt.pd, t[i]->sel,
                               nova_scd(10, i ? 10 : 20, 0));
    }
    return s;
}

enum { REMOTE_ROUNDS = 20 };
static uint64_t remote[REMOTE_ROUNDS];

static void uart_tx_other_cpu(struct nova_probe_ctx *ctx)
{
    const struct uart_irq *u = remote_uart = uart_of_board();
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    if (!u || nova_rt.hip->int_pin <= u->spi)
        SKIP_RETURN(ctx, "no UART interrupt to route");
    unsigned cpu = nova_rt.hip->cpu_num - 1u;
    remote_sm = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "map the UART", nova_device_map(nova_board.uart_base, &remote_regs),
                            NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "pull the interrupt SM",
                            nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj,
                                         NOVA_SEL_INT_SM_BASE + u->spi, 0, remote_sm,
                                         NOVA_PERM_BITS, 0),
                            NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "assign_int to the last CPU",
                            nova_assign_int(remote_sm, NOVA_ASSIGN_INT_T, cpu, 0, 0, 0),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "down from another CPU", nova_sm_down(remote_sm, STC_PAST),
                       NOVA_BAD_CPU);
    go = sm_new(ctx, 0);
    go_wait = sm_new(ctx, 0);
    done = sm_new(ctx, 0);
    fire_reg = remote_regs + u->on_reg;
    fire_val = u->on_val;
    quit = false;
    remote_threads[0] = remote_threads[1] = 0;
    if (!go || !go_wait || !done ||
        !nova_expect_status(ctx, "threads on the last CPU", threads_on(cpu), NOVA_SUCCESS))
        return;
    uint64_t overhead = nova_stc_overhead();
    for (unsigned i = 0; i < REMOTE_ROUNDS; i++) {
        fired_at = 0;
        remote_status = 0xFF;
        nova_sm_up(go_wait);            /* the waiter outranks the firer there */
        nova_sm_up(go);
        unsigned s = nova_sm_down(done, nova_stc() + nova_stc_ms(1000));
        if (s != NOVA_SUCCESS || remote_status != NOVA_SUCCESS || !fired_at) {
            stop_threads(remote_threads, 2);
            FAIL_RETURN(ctx, "round %u: done=%s, the waiter's down=%s, raised=%d", i,
                        nova_status_name(s), nova_status_name(remote_status), fired_at != 0);
        }
        remote[i] = nova_stc_net(remote_latency, overhead);
    }
    stop_threads(remote_threads, 2);
    nova_assign_int(remote_sm, NOVA_ASSIGN_INT_M | NOVA_ASSIGN_INT_T, cpu, 0, 0, 0);
    nova_metric_report("irq.latency.uart_other_cpu", "ticks", remote, REMOTE_ROUNDS);
}
NOVA_PROBE("irq.uart_tx_other_cpu", uart_tx_other_cpu);
