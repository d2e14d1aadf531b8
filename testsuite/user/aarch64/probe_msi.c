/* MSIs through the GICv3 ITS (spec 4.17; HIP INT_MSI): QEMU's "edu" PCI
 * device (-device edu in the qemu-aarch64-virt-gicv3 profile) on the
 * virt PCIe ECAM. Without firmware nobody has set it up, so the probe
 * gives BAR0 an address in the 32-bit memory window, enables memory
 * decoding and bus mastering, and writes assign_int's address and data
 * into its MSI capability; a write of 1 to register 0x60 then sends the
 * MSI. dev is the ITS DeviceID = the PCI requester ID (QEMU virt's
 * msi-map is the identity), so only the edu's own BDF may raise it. */
#include "util.h"
#include "libnova/board.h"
#include "libnova/boot.h"
#include "libnova/io.h"
#include "libnova/layout.h"
#include "libnova/metric.h"
#include "libnova/timing.h"
#include "nova/mad.h"
#include "nova/perm.h"

enum { EDU_ID = 0x11E81234, CAP_MSI = 0x05, EDU_IDENT = 0x00, EDU_STATUS = 0x24,
       EDU_RAISE = 0x60, EDU_ACK = 0x64, PCI_COMMAND = 0x04, PCI_BAR0 = 0x10, PCI_CAPS = 0x34,
       CMD_MEMORY = 1u << 1, CMD_BUS_MASTER = 1u << 2, MSI_ENABLE = 1u << 16,
       ROUNDS = 100, REMOTE_ROUNDS = 20 };
#define ECAM_VA (NOVA_LIB_VA_DEVICE + 0x200000u)    /* bus 0: 32 slots of 32 KiB */
#define BAR_VA (NOVA_LIB_VA_DEVICE + 0x100000u)     /* clear of libnova's UART pages */
#define QUIET_MS 20u                                /* long enough for a sent MSI to arrive */

static struct {
    int state;                  /* 0 not tried, 1 ready, -1 failed */
    unsigned bdf;               /* requester ID = ITS DeviceID */
    uintptr_t cfg, regs;        /* its configuration space and BAR0 */
    unsigned cap;               /* MSI capability offset */
    bool wide;                  /* 64-bit message address */
} edu;

static uint32_t cfg_rd(unsigned off) { return nova_mmio_read32(edu.cfg + off); }
static void cfg_wr(unsigned off, uint32_t v) { nova_mmio_write32(edu.cfg + off, v); }
static uint32_t dev_mad(void) { return nova_mad_arm(NOVA_MAD_ARM_DEV, NOVA_MAD_ARM_SH_NONE); }

/* BAR0 (32-bit memory) where firmware put it, else at the first address
 * of the window aligned to its size; false when it is not such a BAR. */
static bool place_bar0(uint64_t *base)
{
    uint32_t placed = cfg_rd(PCI_BAR0);
    if (placed & ~0xFu && !(placed & 0x7)) {  /* UEFI enumerated the bus: keep its choice */
        *base = placed & ~0xFu;
        cfg_wr(PCI_COMMAND, cfg_rd(PCI_COMMAND) | CMD_MEMORY | CMD_BUS_MASTER);
        return true;
    }
    cfg_wr(PCI_COMMAND, cfg_rd(PCI_COMMAND) & ~(uint32_t)(CMD_MEMORY | CMD_BUS_MASTER));
    cfg_wr(PCI_BAR0, ~0u);
    uint32_t mask = cfg_rd(PCI_BAR0);
    if (mask & 0x7)             /* I/O space, or a 64-bit BAR */
        return false;
    uint64_t size = (uint64_t)(~(mask & ~0xFu)) + 1;
    *base = (nova_board.pci_mmio32 + size - 1) & ~(size - 1);
    cfg_wr(PCI_BAR0, (uint32_t)*base);
    cfg_wr(PCI_COMMAND, cfg_rd(PCI_COMMAND) | CMD_MEMORY | CMD_BUS_MASTER);
    return (cfg_rd(PCI_BAR0) & ~0xFu) == *base;
}

static void edu_find(struct nova_probe_ctx *ctx)
{
    if (!nova_expect_status(ctx, "map the ECAM's bus 0",
                            nova_boot_map_phys(nova_board.pci_ecam, ECAM_VA, 8,
                                               NOVA_PERM_MEM_R | NOVA_PERM_MEM_W, dev_mad()),
                            NOVA_SUCCESS))
        return;
    unsigned slot = 0;
    while (slot < 32 && nova_mmio_read32(ECAM_VA + (slot << 15)) != EDU_ID)
        slot++;
    if (slot == 32)
        FAIL_RETURN(ctx, "no edu device on PCIe bus 0 (the profile adds -device edu)");
    edu.bdf = slot << 3;
    edu.cfg = ECAM_VA + (slot << 15);
    uint64_t bar;
    if (!place_bar0(&bar))
        FAIL_RETURN(ctx, "edu BAR0 is no 32-bit memory BAR or does not take 0x%llx",
                    (unsigned long long)bar);
    if (!nova_expect_status(ctx, "map BAR0",
                            nova_boot_map_phys(bar, BAR_VA, 0, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W,
                                               dev_mad()),
                            NOVA_SUCCESS))
        return;
    edu.regs = BAR_VA;
    if ((nova_mmio_read32(edu.regs + EDU_IDENT) & 0xFF) != 0xED)
        FAIL_RETURN(ctx, "edu identification 0x%x at BAR0 0x%llx", nova_mmio_read32(edu.regs),
                    (unsigned long long)bar);
    unsigned cap = cfg_rd(PCI_CAPS) & 0xFC;
    for (unsigned hops = 0; cap && hops < 48 && (cfg_rd(cap) & 0xFF) != CAP_MSI; hops++)
        cap = (cfg_rd(cap) >> 8) & 0xFC;
    if (!cap || (cfg_rd(cap) & 0xFF) != CAP_MSI)
        FAIL_RETURN(ctx, "edu has no MSI capability");
    edu.cap = cap;
    edu.wide = (cfg_rd(cap) >> 16) & 0x80;
    edu.state = 1;
}

/* SKIP without MSIs or a known ECAM; the edu found and set up once. */
static bool edu_ready(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi) {
        nova_skip(ctx, "no MSIs (INT_MSI = 0: no GICv3 ITS)");
        return false;
    }
    if (!nova_board.pci_ecam) {
        nova_skip(ctx, "no PCIe ECAM known for board %s", nova_board.name);
        return false;
    }
    if (!edu.state) {
        edu.state = -1;
        edu_find(ctx);
    } else if (edu.state < 0) {
        nova_fail(ctx, "the edu device could not be set up (an earlier probe says why)");
    }
    return edu.state > 0;
}

static void edu_msi_program(uint32_t addr, uint16_t data)
{
    cfg_wr(edu.cap + 4, addr);
    if (edu.wide)
        cfg_wr(edu.cap + 8, 0);
    cfg_wr(edu.cap + (edu.wide ? 12 : 8), data);
    cfg_wr(edu.cap, cfg_rd(edu.cap) | MSI_ENABLE);
}

static void edu_raise(void) { nova_mmio_write32(edu.regs + EDU_RAISE, 1); }
static void edu_ack(void)
{
    nova_mmio_write32(edu.regs + EDU_ACK, nova_mmio_read32(edu.regs + EDU_STATUS));
}

/* MSI n's interrupt SM at a fresh root selector; 0 (and FAIL) on error. */
static nova_sel msi_sm(struct nova_probe_ctx *ctx, unsigned n)
{
    nova_sel sm = nova_sel_alloc(0);
    if (n >= nova_rt.hip->int_msi) {
        nova_fail(ctx, "needs %u MSIs, INT_MSI = %u", n + 1, nova_rt.hip->int_msi);
        return 0;
    }
    unsigned s = nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj,
                              NOVA_SEL_INT_SM_BASE + nova_rt.hip->int_pin + n, 0, sm,
                              NOVA_PERM_BITS, 0);
    return nova_expect_status(ctx, "pull the MSI semaphore", s, NOVA_SUCCESS) ? sm : 0;
}

/* assign_int, then the edu sends what it returned. */
static bool msi_assign(struct nova_probe_ctx *ctx, const char *what, nova_sel sm, unsigned flags,
                       unsigned cpu, unsigned dev)
{
    uint32_t addr = 0;
    uint16_t data = 0xFFFF;
    if (!nova_expect_status(ctx, what, nova_assign_int(sm, flags, cpu, dev, &addr, &data),
                            NOVA_SUCCESS))
        return false;
    if (!addr || addr % 4 || data >= nova_rt.hip->int_msi) {
        nova_fail(ctx, "%s: MSI address 0x%x data 0x%x do not look like the ITS's", what, addr,
                  data);
        return false;
    }
    edu_msi_program(addr, data);
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

static void msi_quiet(nova_sel sm, unsigned cpu)
{
    nova_assign_int(sm, NOVA_ASSIGN_INT_M, cpu, edu.bdf, 0, 0);
}

static uint64_t latency[ROUNDS];

static void edu_msi(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 0)) ||
        !msi_assign(ctx, "assign_int to the edu", sm, 0, nova_rt.cpu, edu.bdf))
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

/* A DeviceID the ITS cannot hold is BAD_DEV. With 16 DeviceID bits or
 * more (QEMU's ITS) every 16-bit dev is valid: nothing to test. */
static void bad_dev(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi)
        SKIP_RETURN(ctx, "no MSIs (INT_MSI = 0: no GICv3 ITS)");
    nova_sel sm = msi_sm(ctx, 3);
    if (!sm)
        return;
    unsigned s = nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, 0xFFFF, 0, 0);
    if (s == NOVA_SUCCESS)
        SKIP_RETURN(ctx, "the ITS takes every 16-bit DeviceID (GITS_TYPER.Devbits >= 16)");
    nova_expect_status(ctx, "assign_int with DeviceID 0xFFFF", s, NOVA_BAD_DEV);
}
NOVA_PROBE("assign_int.msi_bad_dev", bad_dev);

/* Masked (M=1) the MSI is not delivered; the ITS keeps it pending at the
 * redistributor, so unmasking delivers it, once. */
static void masked(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 1)) ||
        !msi_assign(ctx, "assign_int masked", sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, edu.bdf))
        return;
    unsigned s = raise_and_wait(sm, QUIET_MS);
    if (s != NOVA_TIMEOUT) {
        msi_quiet(sm, nova_rt.cpu);
        FAIL_RETURN(ctx, "masked: down got=%s, expected TIMEOUT", nova_status_name(s));
    }
    if (!msi_assign(ctx, "assign_int unmasked", sm, 0, nova_rt.cpu, edu.bdf))
        return;
    nova_expect_status(ctx, "the held MSI after unmasking",
                       nova_sm_down(sm, nova_stc() + nova_stc_ms(100)), NOVA_SUCCESS);
    nova_expect_status(ctx, "held once", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    nova_expect_status(ctx, "a new MSI unmasked", raise_and_wait(sm, 100), NOVA_SUCCESS);
    msi_quiet(sm, nova_rt.cpu);
}
NOVA_PROBE("irq.msi_masked", masked);

/* Isolation: assigned to another DeviceID, the MSI the edu sends is
 * dropped by the ITS (no mapping for the edu's DeviceID and this
 * EventID); assigned back, it arrives again. */
static void wrong_dev(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    unsigned other = edu.bdf + 1;       /* function 1 of the edu's slot: absent */
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 2)) ||
        !msi_assign(ctx, "assign_int to the edu", sm, 0, nova_rt.cpu, edu.bdf))
        return;
    if (!nova_expect_status(ctx, "from the edu", raise_and_wait(sm, 100), NOVA_SUCCESS) ||
        !msi_assign(ctx, "assign_int to another device", sm, 0, nova_rt.cpu, other)) {
        msi_quiet(sm, nova_rt.cpu);
        return;
    }
    unsigned s = raise_and_wait(sm, QUIET_MS);
    if (s != NOVA_TIMEOUT) {
        msi_quiet(sm, nova_rt.cpu);
        FAIL_RETURN(ctx, "DeviceID 0x%x's MSI from the edu (0x%x): down got=%s, expected TIMEOUT",
                    other, edu.bdf, nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int back to the edu", sm, 0, nova_rt.cpu, edu.bdf)) {
        nova_expect_status(ctx, "the dropped MSI stays dropped", nova_sm_down(sm, STC_PAST),
                           NOVA_TIMEOUT);
        nova_expect_status(ctx, "from the edu again", raise_and_wait(sm, 100), NOVA_SUCCESS);
    }
    msi_quiet(sm, nova_rt.cpu);
}
NOVA_PROBE("irq.msi_wrong_dev", wrong_dev);

/* Routed to another CPU: a down from the root's CPU is BAD_CPU; there a
 * priority-20 thread waits in the down and a priority-10 thread, which
 * runs only once the waiter blocks, has the edu send the MSI (the ITS
 * maps it to that CPU's collection); the waiter tells the root. Moved
 * back, the MSI arrives at the root's CPU. */
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

static void other_cpu(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi)
        SKIP_RETURN(ctx, "no MSIs (INT_MSI = 0: no GICv3 ITS)");
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    unsigned cpu = nova_rt.cpu ? 0 : 1;
    if (!edu_ready(ctx) || !(remote_sm = msi_sm(ctx, 4)) ||
        !msi_assign(ctx, "assign_int to the other CPU", remote_sm, 0, cpu, edu.bdf))
        return;
    nova_expect_status(ctx, "down from the root's CPU", nova_sm_down(remote_sm, STC_PAST),
                       NOVA_BAD_CPU);
    go_wait = sm_new(ctx, 0);
    go_fire = sm_new(ctx, 0);
    done = sm_new(ctx, 0);
    quit = false;
    if (!go_wait || !go_fire || !done ||
        !nova_expect_status(ctx, "waiter on the other CPU",
                            thread_on_cpu(cpu, remote_waiter, 0, 20, 0, 0), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "firer on the other CPU",
                            thread_on_cpu(cpu, remote_firer, 0, 10, 0, 0), NOVA_SUCCESS)) {
        msi_quiet(remote_sm, cpu);
        return;
    }
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
    if (s != NOVA_SUCCESS) {
        msi_quiet(remote_sm, cpu);
        FAIL_RETURN(ctx, "round %u: no MSI on CPU %u (status %s)", i - 1, cpu, nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int back to the root's CPU", remote_sm, 0, nova_rt.cpu, edu.bdf))
        nova_expect_status(ctx, "on the root's CPU", raise_and_wait(remote_sm, 100), NOVA_SUCCESS);
    msi_quiet(remote_sm, nova_rt.cpu);
    nova_metric_report("irq.latency.msi_other_cpu", "ticks", remote, REMOTE_ROUNDS);
}
NOVA_PROBE("irq.msi_other_cpu", other_cpu);
