/* MSI delivery through an interrupt semaphore (spec 4.17): QEMU's "edu"
 * PCI device (-device edu in the x86 profiles) raises an interrupt when
 * its register 0x60 is written; with MSI enabled it sends the address and
 * data assign_int handed out. Also the interrupt latency figure. */
#include "util.h"
#include "libnova/boot.h"
#include "libnova/io.h"
#include "libnova/layout.h"
#include "libnova/metric.h"
#include "libnova/timing.h"
#include "nova/mad.h"
#include "nova/perm.h"

enum { CFG_ADDR = 0xCF8, CFG_DATA = 0xCFC, EDU_ID = 0x11E81234, CAP_MSI = 0x05,
       EDU_RAISE = 0x60, EDU_ACK = 0x64, EDU_STATUS = 0x24, ROUNDS = 100 };

static uint32_t cfg_read(unsigned dev, unsigned off)
{
    __asm__ volatile("outl %0, %1" : : "a"(0x80000000u | dev << 11 | (off & 0xFC)), "Nd"(CFG_ADDR));
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(CFG_DATA));
    return v;
}

static void cfg_write(unsigned dev, unsigned off, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(0x80000000u | dev << 11 | (off & 0xFC)), "Nd"(CFG_ADDR));
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(CFG_DATA));
}

static uint64_t latency[ROUNDS];

static void edu_msi(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi)
        SKIP_RETURN(ctx, "no MSIs (INT_MSI = 0)");
    if (!nova_expect_status(ctx, "PCI config ports", nova_boot_ports(CFG_ADDR, 3), NOVA_SUCCESS))
        return;
    unsigned dev = 0;
    while (dev < 32 && cfg_read(dev, 0) != EDU_ID)
        dev++;
    if (dev == 32)
        FAIL_RETURN(ctx, "no edu device on PCI bus 0 (the profile adds -device edu)");
    uint64_t bar = cfg_read(dev, 0x10) & ~0xFull;
    uint64_t va = NOVA_LIB_VA_DEVICE + 0x100000;          /* clear of libnova's pages */
    if (!bar || !nova_expect_status(ctx, "map BAR0 uncached",
                                    nova_boot_map_phys(bar, va, 0, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W,
                                                       nova_mad_x86(NOVA_MAD_X86_UC, 0)),
                                    NOVA_SUCCESS))
        return;
    volatile uint32_t *edu = (volatile uint32_t *)(uintptr_t)va;
    unsigned cap = cfg_read(dev, 0x34) & 0xFF;
    while (cap && (cfg_read(dev, cap) & 0xFF) != CAP_MSI)
        cap = (cfg_read(dev, cap) >> 8) & 0xFF;
    if (!cap)
        FAIL_RETURN(ctx, "edu has no MSI capability");
    nova_sel sm = nova_sel_alloc(0);
    uint32_t addr = 0;
    uint16_t data = 0;
    unsigned index = nova_rt.hip->int_pin;                /* the first MSI */
    if (!nova_expect_status(ctx, "pull the MSI semaphore",
                            nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj, NOVA_SEL_INT_SM_BASE + index,
                                         0, sm, NOVA_PERM_BITS, 0), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "assign_int", nova_assign_int(sm, 0, nova_rt.cpu, dev << 3, &addr, &data),
                            NOVA_SUCCESS))
        return;
    if ((addr & 0xFFF00000u) != 0xFEE00000u || !data)
        FAIL_RETURN(ctx, "MSI address 0x%x data 0x%x do not look like an MSI", addr, data);
    bool wide = (cfg_read(dev, cap) >> 16) & 0x80;        /* 64-bit address capable */
    cfg_write(dev, cap + 4, addr);
    if (wide)
        cfg_write(dev, cap + 8, 0);
    cfg_write(dev, cap + (wide ? 12 : 8), data);
    cfg_write(dev, cap, cfg_read(dev, cap) | 1u << 16);   /* MSI enable */
    cfg_write(dev, 0x04, cfg_read(dev, 0x04) | 0x6);      /* memory space, bus master */
    unsigned s = NOVA_SUCCESS, i = 0;
    uint64_t overhead = nova_stc_overhead();
    for (; i < ROUNDS && s == NOVA_SUCCESS; i++) {
        uint64_t t0 = nova_stc();
        edu[EDU_RAISE / 4] = 1;
        s = nova_sm_down(sm, nova_stc() + nova_stc_ms(100));
        uint64_t d = nova_stc() - t0;
        latency[i] = nova_stc_net(d, overhead);
        edu[EDU_ACK / 4] = edu[EDU_STATUS / 4];
    }
    cfg_write(dev, cap, cfg_read(dev, cap) & ~(1u << 16));
    nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, dev << 3, 0, 0);
    if (s != NOVA_SUCCESS)
        FAIL_RETURN(ctx, "round %u: no MSI arrived (down got=%s)", i - 1, nova_status_name(s));
    nova_expect_status(ctx, "no MSI after the device stopped", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    nova_metric_report("irq.latency.msi", "ticks", latency, ROUNDS);
}
NOVA_PROBE("irq.edu_msi_delivery", edu_msi);
