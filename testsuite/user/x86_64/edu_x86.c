/* The edu device on x86 (edu.h): PCI configuration mechanism #1 (ports
 * 0xCF8/0xCFC) on bus 0, BAR0 where the firmware put it. MSIs go to the
 * local APICs' window 0xFEExxxxx; with VT-d interrupt remapping in the
 * remappable format (address bit 4), whose entry accepts only
 * assign_int's dev, otherwise in the compatibility format, whose source
 * nobody checks. Masked, the MSI is dropped (by the unit or the kernel). */
#include "edu.h"
#include "util.h"
#include "libnova/boot.h"
#include "libnova/layout.h"
#include "nova/mad.h"
#include "nova/perm.h"

enum { CFG_ADDR = 0xCF8, CFG_DATA = 0xCFC, CFG_ENABLE = 1u << 31, EDU_ID = 0x11E81234,
       PCI_COMMAND = 0x04, PCI_BAR0 = 0x10, CMD_MEMORY = 1u << 1, CMD_BUS_MASTER = 1u << 2,
       MSI_WINDOW = 0xFEE00000u, MSI_REMAPPABLE = 1u << 4 };
#define BAR_VA (NOVA_LIB_VA_DEVICE + 0x100000u)     /* clear of libnova's pages */

const char edu_no_msis[] = "no MSIs (INT_MSI = 0)";
const bool msi_held_while_masked = false;

static unsigned slot;           /* on bus 0 */

static void cfg_select(unsigned off)
{
    __asm__ volatile("outl %0, %1" : : "a"(CFG_ENABLE | slot << 11 | (off & 0xFC)), "Nd"(CFG_ADDR));
}

uint32_t edu_cfg_read(unsigned off)
{
    cfg_select(off);
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(CFG_DATA));
    return v;
}

void edu_cfg_write(unsigned off, uint32_t v)
{
    cfg_select(off);
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(CFG_DATA));
}

unsigned edu_bdf(void) { return slot << 3; }

bool edu_bus_known(struct nova_probe_ctx *ctx)
{
    (void)ctx;                  /* the configuration ports are always there */
    return true;
}

uintptr_t edu_locate(struct nova_probe_ctx *ctx)
{
    if (!nova_expect_status(ctx, "PCI config ports", nova_boot_ports(CFG_ADDR, 3), NOVA_SUCCESS))
        return 0;
    for (slot = 0; slot < 32 && edu_cfg_read(0) != EDU_ID; slot++)
        ;
    if (slot == 32) {
        nova_fail(ctx, "no edu device on PCI bus 0 (the profile adds -device edu)");
        return 0;
    }
    uint64_t bar = edu_cfg_read(PCI_BAR0) & ~0xFull;
    if (!bar) {
        nova_fail(ctx, "edu BAR0 not placed by the firmware");
        return 0;
    }
    if (!nova_expect_status(ctx, "map BAR0 uncached",
                            nova_boot_map_phys(bar, BAR_VA, 0, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W,
                                               nova_mad_x86(NOVA_MAD_X86_UC, 0)),
                            NOVA_SUCCESS))
        return 0;
    edu_cfg_write(PCI_COMMAND, edu_cfg_read(PCI_COMMAND) | CMD_MEMORY | CMD_BUS_MASTER);
    return BAR_VA;
}

/* Remappable: data is the subhandle (0); compatibility: it holds the
 * vector (never 0). */
bool msi_plausible(uint32_t addr, uint16_t data)
{
    return (addr & 0xFFF00000u) == MSI_WINDOW && (msi_source_checked(addr) ? !data : data);
}

bool msi_source_checked(uint32_t addr) { return addr & MSI_REMAPPABLE; }
