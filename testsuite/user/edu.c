/* The architecture-neutral side of the edu device (edu.h): its MSI
 * capability and BAR0 registers, once the architecture located it. */
#include "edu.h"
#include "util.h"
#include "libnova/io.h"

enum { EDU_IDENT = 0x00, EDU_STATUS = 0x24, EDU_RAISE = 0x60, EDU_ACK = 0x64,
       PCI_CAPS = 0x34, CAP_MSI = 0x05, MSI_64BIT = 1u << 23, MSI_ENABLE = 1u << 16,
       CAP_HOPS = 48 };  /* at most this many capabilities fit config space */

static struct {
    int state;                  /* 0 not tried, 1 ready, -1 failed */
    uintptr_t regs;             /* BAR0 */
    unsigned cap;               /* MSI capability offset */
    bool wide;                  /* 64-bit message address */
} edu;

static unsigned msi_cap(void)
{
    unsigned cap = edu_cfg_read(PCI_CAPS) & 0xFC;
    for (unsigned hops = 0; cap && hops < CAP_HOPS && (edu_cfg_read(cap) & 0xFF) != CAP_MSI; hops++)
        cap = (edu_cfg_read(cap) >> 8) & 0xFC;
    return cap && (edu_cfg_read(cap) & 0xFF) == CAP_MSI ? cap : 0;
}

static void edu_setup(struct nova_probe_ctx *ctx)
{
    if (!(edu.regs = edu_locate(ctx)))
        return;
    /* A misplaced BAR0 reads as something else (or nothing). */
    if ((nova_mmio_read32(edu.regs + EDU_IDENT) & 0xFF) != 0xED)
        FAIL_RETURN(ctx, "edu identification 0x%x at BAR0", nova_mmio_read32(edu.regs + EDU_IDENT));
    if (!(edu.cap = msi_cap()))
        FAIL_RETURN(ctx, "edu has no MSI capability");
    edu.wide = edu_cfg_read(edu.cap) & MSI_64BIT;
    edu.state = 1;
}

bool edu_ready(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi) {
        nova_skip(ctx, "%s", edu_no_msis);
        return false;
    }
    if (!edu_bus_known(ctx))
        return false;
    if (!edu.state) {
        edu.state = -1;
        edu_setup(ctx);
    } else if (edu.state < 0) {
        nova_fail(ctx, "the edu device could not be set up (an earlier probe says why)");
    }
    return edu.state > 0;
}

void edu_msi_program(uint32_t addr, uint16_t data)
{
    edu_cfg_write(edu.cap + 4, addr);
    if (edu.wide)
        edu_cfg_write(edu.cap + 8, 0);
    edu_cfg_write(edu.cap + (edu.wide ? 12 : 8), data);
    edu_cfg_write(edu.cap, edu_cfg_read(edu.cap) | MSI_ENABLE);
}

void edu_msi_disable(void)
{
    edu_cfg_write(edu.cap, edu_cfg_read(edu.cap) & ~(uint32_t)MSI_ENABLE);
}

void edu_raise(void) { nova_mmio_write32(edu.regs + EDU_RAISE, 1); }

void edu_ack(void)
{
    nova_mmio_write32(edu.regs + EDU_ACK, nova_mmio_read32(edu.regs + EDU_STATUS));
}
