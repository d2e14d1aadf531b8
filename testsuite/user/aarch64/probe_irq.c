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
#include "libnova/timing.h"

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

static uint64_t latency[ROUNDS];
static nova_sel go;
static uintptr_t fire_reg;
static uint32_t fire_val;
static volatile uint64_t fired_at;
static volatile bool quit;

static void firer(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(go, 0) == NOVA_SUCCESS && !quit) {
        fired_at = nova_stc();
        nova_mmio_write32(fire_reg, fire_val);           /* the line goes high */
    }
}

static void uart_tx(struct nova_probe_ctx *ctx)
{
    const struct uart_irq *u = 0;
    for (unsigned i = 0; i < sizeof uarts / sizeof uarts[0]; i++)
        if (!strcmp(uarts[i].driver, nova_board.uart->name))
            u = &uarts[i];
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
    if (!go || !nova_expect_status(ctx, "firing thread", nova_thread_start(&thread, firer, 0, 10),
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
        latency[i] = d > overhead ? d - overhead : 0;
    }
    quit = true;
    nova_sm_up(go);
    /* Masked in the GIC and quiet in the UART: nothing may be counted. */
    nova_assign_int(sm, NOVA_ASSIGN_INT_M | NOVA_ASSIGN_INT_T, nova_rt.cpu, 0, 0, 0);
    nova_expect_status(ctx, "no interrupt after the UART stopped", nova_sm_down(sm, STC_PAST),
                       NOVA_TIMEOUT);
    if (s != NOVA_SUCCESS)
        FAIL_RETURN(ctx, "round %u: no interrupt arrived (down got=%s)", i - 1, nova_status_name(s));
    nova_metric_report("irq.latency.uart", "ticks", latency, ROUNDS);
}
NOVA_PROBE("irq.uart_tx_delivery", uart_tx);
