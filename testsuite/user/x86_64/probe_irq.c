/* Interrupt delivery through an interrupt semaphore (spec 4.17, 4.15):
 * COM1's transmitter-empty interrupt (ISA IRQ 4; GSI 4, no override on
 * the PC) fires as soon as it is enabled while the transmitter is idle,
 * so it needs no outside event. */
#include "util.h"
#include "libnova/io.h"
#include "libnova/metric.h"
#include "libnova/timing.h"

enum { COM1 = 0x3F8, IER = 1, IIR = 2, MCR = 4, LSR = 5, IER_THRE = 0x02, MCR_OUT2 = 0x08,
       GSI_COM1 = 4, ROUNDS = 100 };

static uint64_t latency[ROUNDS];

static void uart_thre(struct nova_probe_ctx *ctx)
{
    if (nova_rt.hip->int_pin <= GSI_COM1)
        SKIP_RETURN(ctx, "no GSI %u (INT_PIN = %u)", GSI_COM1, nova_rt.hip->int_pin);
    nova_sel sm = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "pull the interrupt SM",
                            nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj,
                                         NOVA_SEL_INT_SM_BASE + GSI_COM1, 0, sm, NOVA_PERM_BITS, 0),
                            NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "assign_int (edge, high, unmasked)",
                            nova_assign_int(sm, 0, nova_rt.cpu, 0, 0, 0), NOVA_SUCCESS))
        return;
    /* Drain what the console wrote, then let the UART drive its IRQ line. */
    for (unsigned i = 0; i < 100000 && !(nova_inb(COM1 + LSR) & 0x40); i++)
        ;
    uint8_t mcr = nova_inb(COM1 + MCR);
    nova_outb(COM1 + MCR, mcr | MCR_OUT2);
    unsigned s = NOVA_SUCCESS, i = 0;
    uint64_t overhead = nova_stc_overhead();
    for (; i < ROUNDS && s == NOVA_SUCCESS; i++) {
        nova_outb(COM1 + IER, 0);
        (void)nova_inb(COM1 + IIR);               /* acknowledge in the UART */
        uint64_t t0 = nova_stc();
        nova_outb(COM1 + IER, IER_THRE);          /* transmitter empty: raises IRQ 4 */
        s = nova_sm_down(sm, nova_stc() + nova_stc_ms(100));
        uint64_t d = nova_stc() - t0;
        latency[i] = nova_stc_net(d, overhead);
    }
    nova_outb(COM1 + IER, 0);
    (void)nova_inb(COM1 + IIR);
    nova_outb(COM1 + MCR, mcr);
    nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, 0, 0, 0);
    /* Interrupts counted while the UART was quiet must not be pending. */
    nova_expect_status(ctx, "no interrupt after the UART stopped", nova_sm_down(sm, STC_PAST),
                       NOVA_TIMEOUT);
    if (s != NOVA_SUCCESS)
        FAIL_RETURN(ctx, "round %u: no interrupt arrived (down got=%s)", i - 1, nova_status_name(s));
    nova_metric_report("irq.latency.uart", "ticks", latency, ROUNDS);
}
NOVA_PROBE("irq.uart_thre_delivery", uart_thre);
