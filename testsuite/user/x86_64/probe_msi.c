/* MSIs through interrupt semaphores (spec 4.17): QEMU's "edu" PCI device
 * (-device edu in the x86 profiles) raises an interrupt when its register
 * 0x60 is written; with MSI enabled it sends the address and data
 * assign_int handed out. With VT-d interrupt remapping (profile
 * qemu-x86_64-q35-iommu) that is a remappable-format address (bit 4) and
 * only the dev named in assign_int may send it; without remapping the
 * kernel cannot check the source (compatibility format, bit 4 clear), so
 * the source probe SKIPs there. Also the interrupt latency figure. */
#include "util.h"
#include "libnova/boot.h"
#include "libnova/io.h"
#include "libnova/layout.h"
#include "libnova/metric.h"
#include "libnova/timing.h"
#include "nova/mad.h"
#include "nova/perm.h"

enum { CFG_ADDR = 0xCF8, CFG_DATA = 0xCFC, EDU_ID = 0x11E81234, CAP_MSI = 0x05,
       EDU_RAISE = 0x60, EDU_ACK = 0x64, EDU_STATUS = 0x24, MSI_ENABLE = 1u << 16,
       MSI_REMAPPABLE = 1u << 4, ROUNDS = 100 };
#define QUIET_MS 20u                /* long enough for a sent MSI to arrive */

static struct {
    int state;                      /* 0 not tried, 1 ready, -1 failed */
    unsigned dev;                   /* slot on bus 0; the BDF is dev << 3 */
    volatile uint32_t *regs;        /* BAR0 */
    unsigned cap;                   /* MSI capability offset */
    bool wide;                      /* 64-bit message address */
} edu;

static uint32_t cfg_read(unsigned off)
{
    __asm__ volatile("outl %0, %1" : : "a"(0x80000000u | edu.dev << 11 | (off & 0xFC)), "Nd"(CFG_ADDR));
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(CFG_DATA));
    return v;
}

static void cfg_write(unsigned off, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(0x80000000u | edu.dev << 11 | (off & 0xFC)), "Nd"(CFG_ADDR));
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(CFG_DATA));
}

static unsigned edu_bdf(void) { return edu.dev << 3; }

static void edu_find(struct nova_probe_ctx *ctx)
{
    if (!nova_expect_status(ctx, "PCI config ports", nova_boot_ports(CFG_ADDR, 3), NOVA_SUCCESS))
        return;
    for (edu.dev = 0; edu.dev < 32 && cfg_read(0) != EDU_ID; edu.dev++)
        ;
    if (edu.dev == 32)
        FAIL_RETURN(ctx, "no edu device on PCI bus 0 (the profile adds -device edu)");
    uint64_t bar = cfg_read(0x10) & ~0xFull;
    uint64_t va = NOVA_LIB_VA_DEVICE + 0x100000;          /* clear of libnova's pages */
    if (!bar || !nova_expect_status(ctx, "map BAR0 uncached",
                                    nova_boot_map_phys(bar, va, 0, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W,
                                                       nova_mad_x86(NOVA_MAD_X86_UC, 0)),
                                    NOVA_SUCCESS))
        return;
    edu.regs = (volatile uint32_t *)(uintptr_t)va;
    unsigned cap = cfg_read(0x34) & 0xFC;
    for (unsigned hops = 0; cap && hops < 48 && (cfg_read(cap) & 0xFF) != CAP_MSI; hops++)
        cap = (cfg_read(cap) >> 8) & 0xFC;
    if (!cap || (cfg_read(cap) & 0xFF) != CAP_MSI)
        FAIL_RETURN(ctx, "edu has no MSI capability");
    edu.cap = cap;
    edu.wide = (cfg_read(cap) >> 16) & 0x80;
    cfg_write(0x04, cfg_read(0x04) | 0x6);                /* memory space, bus master */
    edu.state = 1;
}

/* SKIP without MSIs; the edu found and set up once. */
static bool edu_ready(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi) {
        nova_skip(ctx, "no MSIs (INT_MSI = 0)");
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

static void edu_raise(void) { edu.regs[EDU_RAISE / 4] = 1; }
static void edu_ack(void) { edu.regs[EDU_ACK / 4] = edu.regs[EDU_STATUS / 4]; }

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

/* assign_int, then the edu sends what it returned; *addr_out (if given)
 * gets the address. Remappable format: data is the subhandle (0);
 * compatibility format: data holds the vector (never 0). */
static bool msi_assign_cpu(struct nova_probe_ctx *ctx, const char *what, nova_sel sm,
                           unsigned flags, unsigned cpu, unsigned dev, uint32_t *addr_out)
{
    uint32_t addr = 0;
    uint16_t data = 0xFFFF;
    if (!nova_expect_status(ctx, what, nova_assign_int(sm, flags, cpu, dev, &addr, &data),
                            NOVA_SUCCESS))
        return false;
    bool remapped = addr & MSI_REMAPPABLE;
    if ((addr & 0xFFF00000u) != 0xFEE00000u || (remapped ? data != 0 : !data)) {
        nova_fail(ctx, "%s: MSI address 0x%x data 0x%x do not look like an MSI", what, addr, data);
        return false;
    }
    cfg_write(edu.cap + 4, addr);
    if (edu.wide)
        cfg_write(edu.cap + 8, 0);
    cfg_write(edu.cap + (edu.wide ? 12 : 8), data);
    cfg_write(edu.cap, cfg_read(edu.cap) | MSI_ENABLE);
    if (addr_out)
        *addr_out = addr;
    return true;
}

static bool msi_assign(struct nova_probe_ctx *ctx, const char *what, nova_sel sm, unsigned flags,
                       unsigned dev, uint32_t *addr_out)
{
    return msi_assign_cpu(ctx, what, sm, flags, nova_rt.cpu, dev, addr_out);
}

/* One MSI raised; the down's status (timeout ms). */
static unsigned raise_and_wait(nova_sel sm, unsigned ms)
{
    edu_raise();
    unsigned s = nova_sm_down(sm, nova_stc() + nova_stc_ms(ms));
    edu_ack();
    return s;
}

static void msi_quiet(nova_sel sm)
{
    cfg_write(edu.cap, cfg_read(edu.cap) & ~MSI_ENABLE);
    nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, edu_bdf(), 0, 0);
}

static uint64_t latency[ROUNDS];

static void edu_msi(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 0)) ||
        !msi_assign(ctx, "assign_int to the edu", sm, 0, edu_bdf(), 0))
        return;
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
    msi_quiet(sm);
    if (s != NOVA_SUCCESS)
        FAIL_RETURN(ctx, "round %u: no MSI arrived (down got=%s)", i - 1, nova_status_name(s));
    nova_expect_status(ctx, "no MSI after the device stopped", nova_sm_down(sm, STC_PAST), NOVA_TIMEOUT);
    nova_metric_report("irq.latency.msi", "ticks", latency, ROUNDS);
}
NOVA_PROBE("irq.edu_msi_delivery", edu_msi);

/* Masked (M=1) the MSI is not delivered: with remapping the unit drops it
 * (entry not present), without it the kernel does. Nothing is held, so
 * unmasking delivers only new MSIs. */
static void masked(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 1)) ||
        !msi_assign(ctx, "assign_int masked", sm, NOVA_ASSIGN_INT_M, edu_bdf(), 0))
        return;
    unsigned s = raise_and_wait(sm, QUIET_MS);
    if (s != NOVA_TIMEOUT) {
        msi_quiet(sm);
        FAIL_RETURN(ctx, "masked: down got=%s, expected TIMEOUT", nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int unmasked", sm, 0, edu_bdf(), 0)) {
        nova_expect_status(ctx, "the dropped MSI stays dropped", nova_sm_down(sm, STC_PAST),
                           NOVA_TIMEOUT);
        nova_expect_status(ctx, "a new MSI unmasked", raise_and_wait(sm, 100), NOVA_SUCCESS);
    }
    msi_quiet(sm);
}
NOVA_PROBE("irq.msi_masked", masked);

/* Isolation (interrupt remapping only): assigned to another device, the
 * MSI the edu sends fails the unit's source-ID check and is dropped;
 * assigned back, it arrives again. */
static void wrong_dev(struct nova_probe_ctx *ctx)
{
    nova_sel sm;
    uint32_t addr = 0;
    unsigned other = edu_bdf() + 1;     /* function 1 of the edu's slot: absent */
    if (!edu_ready(ctx) || !(sm = msi_sm(ctx, 2)) ||
        !msi_assign(ctx, "assign_int to the edu", sm, 0, edu_bdf(), &addr))
        return;
    if (!(addr & MSI_REMAPPABLE)) {
        msi_quiet(sm);
        SKIP_RETURN(ctx, "no interrupt remapping (compatibility-format MSI address 0x%x): "
                         "the source is not checked", addr);
    }
    if (!nova_expect_status(ctx, "from the edu", raise_and_wait(sm, 100), NOVA_SUCCESS) ||
        !msi_assign(ctx, "assign_int to another device", sm, 0, other, 0)) {
        msi_quiet(sm);
        return;
    }
    unsigned s = raise_and_wait(sm, QUIET_MS);
    if (s != NOVA_TIMEOUT) {
        msi_quiet(sm);
        FAIL_RETURN(ctx, "dev 0x%x's MSI sent by the edu (0x%x): down got=%s, expected TIMEOUT",
                    other, edu_bdf(), nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int back to the edu", sm, 0, edu_bdf(), 0)) {
        nova_expect_status(ctx, "the dropped MSI stays dropped", nova_sm_down(sm, STC_PAST),
                           NOVA_TIMEOUT);
        nova_expect_status(ctx, "from the edu again", raise_and_wait(sm, 100), NOVA_SUCCESS);
    }
    msi_quiet(sm);
}
NOVA_PROBE("irq.msi_wrong_dev", wrong_dev);

/* Routed to another CPU (the remapping entry's destination, or the
 * address's APIC ID): a down from the root's CPU is BAD_CPU; there a
 * priority-20 thread waits in the down and a priority-10 thread, which
 * runs only once the waiter blocks, has the edu send the MSI; the waiter
 * tells the root. Moved back, the MSI arrives at the root's CPU. */
static nova_sel go_wait, go_fire, done, remote_sm;
static volatile unsigned remote_status;
static volatile bool quit;

static void remote_waiter(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(go_wait, 0) == NOVA_SUCCESS && !quit) {
        remote_status = nova_sm_down(remote_sm, nova_stc() + nova_stc_ms(100));
        edu_ack();
        nova_sm_up(done);
    }
}

static void remote_firer(struct nova_ec *ec)
{
    (void)ec;
    while (nova_sm_down(go_fire, 0) == NOVA_SUCCESS && !quit)
        edu_raise();
}

static void other_cpu(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi)
        SKIP_RETURN(ctx, "no MSIs (INT_MSI = 0)");
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    unsigned cpu = nova_rt.cpu ? 0 : 1;
    if (!edu_ready(ctx) || !(remote_sm = msi_sm(ctx, 3)) ||
        !msi_assign_cpu(ctx, "assign_int to the other CPU", remote_sm, 0, cpu, edu_bdf(), 0))
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
        msi_quiet(remote_sm);
        return;
    }
    unsigned s = NOVA_SUCCESS, i = 0;
    for (; i < 10 && s == NOVA_SUCCESS; i++) {
        remote_status = 0xFF;
        nova_sm_up(go_wait);            /* the waiter outranks the firer there */
        nova_sm_up(go_fire);
        s = nova_sm_down(done, nova_stc() + nova_stc_ms(1000));
        if (s == NOVA_SUCCESS)
            s = remote_status;
    }
    quit = true;
    nova_sm_up(go_wait);
    nova_sm_up(go_fire);
    if (s != NOVA_SUCCESS) {
        msi_quiet(remote_sm);
        FAIL_RETURN(ctx, "round %u: no MSI on CPU %u (status %s)", i - 1, cpu, nova_status_name(s));
    }
    if (msi_assign(ctx, "assign_int back to the root's CPU", remote_sm, 0, edu_bdf(), 0))
        nova_expect_status(ctx, "on the root's CPU", raise_and_wait(remote_sm, 100), NOVA_SUCCESS);
    msi_quiet(remote_sm);
}
NOVA_PROBE("irq.msi_other_cpu", other_cpu);
