/* ctrl_pd between PIO and between MSR spaces (spec 4.11, 2.3; x86 only). */
#include "util.h"
#include "libnova/child.h"
#include "libnova/io.h"
#include "libnova/layout.h"

#if defined(__x86_64__)
#define NOVA_PIO NOVA_LIB_SEL_NOVA_PIO
#define ROOT_PIO NOVA_LIB_SEL_ROOT_PIO
#define COM1_LSR 0x3FDu

static void ssb_dsb(struct nova_probe_ctx *ctx)
{
    /* PIO and MSR delegations keep the port/MSR number: ssb == dsb. */
    nova_expect_status(ctx, "PIO ssb != dsb", nova_ctrl_pd(NOVA_PIO, ROOT_PIO, 0x80, 0, 0x81, 1, 0),
                       NOVA_BAD_PAR);
    nova_expect_status(ctx, "PIO misaligned", nova_ctrl_pd(NOVA_PIO, ROOT_PIO, 0x3F9, 3, 0x3F9, 1, 0),
                       NOVA_BAD_PAR);
    nova_sel msr = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "MSR space for the root PD",
                            nova_create_pd(msr, nova_rt.pd, NOVA_PD_OP_MSR), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "MSR ssb != dsb",
                       nova_ctrl_pd(NOVA_LIB_SEL_NOVA_MSR, msr, 0x10, 0, 0x11, NOVA_PERM_BITS, 0),
                       NOVA_BAD_PAR);
    nova_expect_status(ctx, "MSR ssb == dsb",
                       nova_ctrl_pd(NOVA_LIB_SEL_NOVA_MSR, msr, 0x10, 0, 0x10, NOVA_PERM_BITS, 0),
                       NOVA_SUCCESS);
}

static uint32_t read_lsr(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    ec->utcb->word[0] = nova_inb(COM1_LSR);
    return 0;
}

static void child_ports(struct nova_probe_ctx *ctx)
{
    /* A PIO capability lets an EC of the PD use the port; revoking it
     * makes the same access fault (the child has no event portals, so its
     * EC dies and the call is ABORTED). */
    struct nova_child c;
    if (!nova_expect_status(ctx, "child PD (setup)", nova_child_create_with_image(&c), NOVA_SUCCESS))
        return;
    if (!nova_expect_status(ctx, "root PIO -> child PIO",
                            nova_ctrl_pd(ROOT_PIO, c.pio, 0x3F8, 3, 0x3F8, NOVA_PERM_PIO_A, 0),
                            NOVA_SUCCESS))
        return;
    struct nova_ec *ec;
    nova_sel pt;
    unsigned s = nova_child_portal(&c, read_lsr, 0, &ec, &pt);
    if (!nova_expect_status(ctx, "EC and portal in the child", s, NOVA_SUCCESS))
        return;
    uint32_t mtd = 0;
    nova_expect_status(ctx, "IN with the port delegated", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS);
    if (!nova_expect_status(ctx, "revoke the ports",
                            nova_ctrl_pd(ROOT_PIO, c.pio, 0x3F8, 3, 0x3F8, 0, 0), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "IN after revocation", nova_ipc_call(pt, 0, &mtd), NOVA_ABORTED);
}
#else
static void ssb_dsb(struct nova_probe_ctx *ctx)
{
    nova_skip(ctx, "no PIO or MSR spaces on aarch64");
}

static void child_ports(struct nova_probe_ctx *ctx)
{
    nova_skip(ctx, "no PIO spaces on aarch64");
}
#endif
NOVA_PROBE("ctrl_pd.pio_msr_bad_par", ssb_dsb);
NOVA_PROBE("ctrl_pd.pio_child_access", child_ports);
