/* assign_int (spec 4.17) and assign_dev (4.18). Interrupt SMs come from
 * the NOVA object space (0x10000 + index, ASSIGN | CTRL_DN). */
#include "util.h"

static nova_sel int_sm(struct nova_probe_ctx *ctx, unsigned index, unsigned pmm)
{
    nova_sel sel = nova_sel_alloc(0);
    unsigned s = nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj, NOVA_SEL_INT_SM_BASE + index, 0,
                              sel, pmm, 0);
    return nova_expect_status(ctx, "pull an interrupt SM", s, NOVA_SUCCESS) ? sel : 0;
}

static unsigned int_count(void)
{
    return (unsigned)nova_rt.hip->int_pin + nova_rt.hip->int_msi;
}

static void int_bad_cap(struct nova_probe_ctx *ctx)
{
    /* Only an interrupt SM with ASSIGN can be assigned. */
    nova_sel regular = sm_new(ctx, 0);
    if (!regular)
        return;
    unsigned m = NOVA_ASSIGN_INT_M;
    nova_expect_status(ctx, "regular SM", nova_assign_int(regular, m, nova_rt.cpu, 0, 0, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "CAP0", nova_assign_int(nova_sel_alloc(0), m, nova_rt.cpu, 0, 0, 0),
                       NOVA_BAD_CAP);
    if (!int_count())
        return;
    nova_sel no_assign = int_sm(ctx, int_count() - 1, NOVA_PERM_SM_DN);
    if (no_assign)
        nova_expect_status(ctx, "interrupt SM without ASSIGN",
                           nova_assign_int(no_assign, m, nova_rt.cpu, 0, 0, 0), NOVA_BAD_CAP);
}
NOVA_PROBE("assign_int.bad_cap", int_bad_cap);

static void int_bad_cpu(struct nova_probe_ctx *ctx)
{
    if (!int_count())
        SKIP_RETURN(ctx, "no interrupt SMs (INT_PIN + INT_MSI = 0)");
    nova_sel sm = int_sm(ctx, int_count() - 1, NOVA_PERM_BITS);
    if (sm)
        nova_expect_status(ctx, "cpu = CPU_NUM",
                           nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.hip->cpu_num, 0, 0, 0),
                           NOVA_BAD_CPU);
}
NOVA_PROBE("assign_int.bad_cpu", int_bad_cpu);

static void int_beyond_last(struct nova_probe_ctx *ctx)
{
    /* Interrupts are named by their SMs: the selector after the last
     * interrupt (INT_PIN + INT_MSI) holds none, so there is nothing to
     * assign and the call names the capability (BAD_CAP). */
    nova_sel sel = nova_sel_alloc(0);
    if (!nova_expect_status(ctx, "pull the slot after the last interrupt SM",
                            nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj,
                                         NOVA_SEL_INT_SM_BASE + int_count(), 0, sel, NOVA_PERM_BITS, 0),
                            NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "assign_int beyond the last interrupt",
                       nova_assign_int(sel, NOVA_ASSIGN_INT_M, nova_rt.cpu, 0, 0, 0), NOVA_BAD_CAP);
}
NOVA_PROBE("assign_int.beyond_last_interrupt", int_beyond_last);

static void int_pin(struct nova_probe_ctx *ctx)
{
    /* A masked pin interrupt routed to the BSP; pins return no MSI data. */
    if (!nova_rt.hip->int_pin)
        SKIP_RETURN(ctx, "no pin interrupts (INT_PIN = 0)");
    nova_sel sm = int_sm(ctx, nova_rt.hip->int_pin - 1u, NOVA_PERM_BITS);   /* least likely in use */
    uint32_t addr = 0xFFFFFFFF;
    uint16_t data = 0xFFFF;
    if (sm && nova_expect_status(ctx, "masked pin on the BSP",
                                 nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, 0, &addr, &data),
                                 NOVA_SUCCESS)) {
        nova_expect_eq(ctx, "msi_addr of a pin", addr, 0);
        nova_expect_eq(ctx, "msi_data of a pin", data, 0);
    }
}
NOVA_PROBE("assign_int.pin_success", int_pin);

static void int_fuzz(struct nova_probe_ctx *ctx)
{
    /* Random routings of the MSIs, 2000 of them: any flags, CPUs around
     * the last one, any 16-bit device. A CPU number that does not exist is
     * BAD_CPU and nothing else; other statuses must be SUCCESS or a
     * refused device or parameter (BAD_DEV, BAD_PAR). Afterwards each MSI
     * is masked on this CPU again; the MSI probes that run later find the
     * routing still working. */
    enum { MAX = 64, CALLS = 2000 };
    unsigned msis = nova_rt.hip->int_msi < MAX ? nova_rt.hip->int_msi : MAX;
    if (!msis)
        SKIP_RETURN(ctx, "no MSIs (INT_MSI = 0)");
    nova_sel sm[MAX];
    for (unsigned i = 0; i < msis; i++)
        if (!(sm[i] = int_sm(ctx, nova_rt.hip->int_pin + i, NOVA_PERM_BITS)))
            return;
    unsigned cpus = nova_rt.hip->cpu_num, ok = 0;
    uint64_t r = 0x6d73695f66757a7aull;
    for (unsigned n = 0; n < CALLS; n++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        unsigned i = (unsigned)(r % msis), flags = (unsigned)(r >> 8) & 0xF;
        unsigned cpu = (unsigned)(r >> 16) % (cpus + 2), dev = (unsigned)(r >> 32) & 0xFFFF;
        uint32_t addr;
        uint16_t data;
        unsigned s = nova_assign_int(sm[i], flags, cpu, dev, &addr, &data);
        if (cpu >= cpus ? s != NOVA_BAD_CPU
                        : s != NOVA_SUCCESS && s != NOVA_BAD_DEV && s != NOVA_BAD_PAR)
            FAIL_RETURN(ctx, "call %u: MSI %u flags 0x%x cpu %u dev 0x%x got %s", n, i, flags, cpu,
                        dev, nova_status_name(s));
        ok += s == NOVA_SUCCESS;
    }
    for (unsigned i = 0; i < msis; i++)
        if (!nova_expect_status(ctx, "masked on this CPU again",
                                nova_assign_int(sm[i], NOVA_ASSIGN_INT_M, nova_rt.cpu, 0, 0, 0),
                                NOVA_SUCCESS))
            return;
    if (!ok)
        nova_fail(ctx, "none of %u routings with a valid CPU succeeded", CALLS);
}
NOVA_PROBE("assign_int.msi_fuzz", int_fuzz);

static void dev_bad_cap(struct nova_probe_ctx *ctx)
{
    nova_expect_status(ctx, "dma = CAP0", nova_assign_dev(nova_sel_alloc(0), 0, 0), NOVA_BAD_CAP);
    nova_expect_status(ctx, "dma = the root object space", nova_assign_dev(nova_rt.root_obj, 0, 0),
                       NOVA_BAD_CAP);
}
NOVA_PROBE("assign_dev.bad_cap", dev_bad_cap);

static void dev_bad_dev(struct nova_probe_ctx *ctx)
{
    /* A DMA space, but no SMMU/IOMMU at physical address 0. */
    if (!(nova_rt.hip->features & NOVA_HIP_FTR_IOMMU))
        SKIP_RETURN(ctx, "no SMMU/IOMMU (HIP feature bit 0)");
    nova_sel pd = nova_sel_alloc(0), dma = nova_sel_alloc(0);
    if (nova_expect_status(ctx, "create_pd", nova_create_pd(pd, nova_rt.pd, NOVA_PD_OP_PD), NOVA_SUCCESS) &&
        nova_expect_status(ctx, "DMA space", nova_create_pd(dma, pd, NOVA_PD_OP_DMA), NOVA_SUCCESS))
        nova_expect_status(ctx, "smmu = 0", nova_assign_dev(dma, 0, 0), NOVA_BAD_DEV);
}
NOVA_PROBE("assign_dev.bad_dev", dev_bad_dev);
