/* The edu device on aarch64 (edu.h): on the PCIe ECAM of the board data
 * (QEMU virt). Without firmware nobody has set it up, so BAR0 goes to the
 * first fitting address of the 32-bit memory window; under UEFI it keeps
 * the firmware's place. MSIs go through the GICv3 ITS: dev is the
 * DeviceID = the PCI requester ID (QEMU virt's msi-map is the identity),
 * so only the edu's own BDF may raise it, and a masked MSI stays pending
 * at the redistributor until unmasked. */
#include "edu.h"
#include "util.h"
#include "libnova/board.h"
#include "libnova/boot.h"
#include "libnova/io.h"
#include "libnova/layout.h"
#include "nova/mad.h"
#include "nova/perm.h"

enum { EDU_ID = 0x11E81234, PCI_COMMAND = 0x04, PCI_BAR0 = 0x10,
       CMD_MEMORY = 1u << 1, CMD_BUS_MASTER = 1u << 2, BAR_FLAGS = 0xF,
       BAR_IO_OR_64BIT = 0x7 };
#define ECAM_VA (NOVA_LIB_VA_DEVICE + 0x200000u)    /* bus 0: 32 slots of 32 KiB */
#define BAR_VA (NOVA_LIB_VA_DEVICE + 0x100000u)     /* clear of libnova's UART pages */

const char edu_no_msis[] = "no MSIs (INT_MSI = 0: no GICv3 ITS)";
const bool msi_held_while_masked = true;

static unsigned slot;           /* on bus 0 */

static uintptr_t cfg(unsigned off) { return ECAM_VA + (slot << 15) + off; }
uint32_t edu_cfg_read(unsigned off) { return nova_mmio_read32(cfg(off)); }
void edu_cfg_write(unsigned off, uint32_t v) { nova_mmio_write32(cfg(off), v); }
unsigned edu_bdf(void) { return slot << 3; }
static uint32_t dev_mad(void) { return nova_mad_arm(NOVA_MAD_ARM_DEV, NOVA_MAD_ARM_SH_NONE); }

bool edu_bus_known(struct nova_probe_ctx *ctx)
{
    if (!nova_board.pci_ecam)
        nova_skip(ctx, "no PCIe ECAM known for board %s", nova_board.name);
    return nova_board.pci_ecam;
}

static void enable_decoding(bool on)
{
    uint32_t bits = CMD_MEMORY | CMD_BUS_MASTER, cmd = edu_cfg_read(PCI_COMMAND);
    edu_cfg_write(PCI_COMMAND, on ? cmd | bits : cmd & ~bits);
}

/* BAR0 (32-bit memory) where firmware put it, else at the first address
 * of the window aligned to its size; false when it is not such a BAR. */
static bool place_bar0(uint64_t *base)
{
    uint32_t placed = edu_cfg_read(PCI_BAR0);
    /* UEFI enumerated the bus: keep its choice */
    if (placed & ~(uint32_t)BAR_FLAGS && !(placed & BAR_IO_OR_64BIT)) {
        *base = placed & ~(uint32_t)BAR_FLAGS;
        enable_decoding(true);
        return true;
    }
    enable_decoding(false);
    edu_cfg_write(PCI_BAR0, ~0u);
    uint32_t mask = edu_cfg_read(PCI_BAR0);
    if (mask & BAR_IO_OR_64BIT)
        return false;
    uint64_t size = (uint64_t)(~(mask & ~(uint32_t)BAR_FLAGS)) + 1;
    *base = (nova_board.pci_mmio32 + size - 1) & ~(size - 1);
    edu_cfg_write(PCI_BAR0, (uint32_t)*base);
    enable_decoding(true);
    return (edu_cfg_read(PCI_BAR0) & ~(uint32_t)BAR_FLAGS) == *base;
}

uintptr_t edu_locate(struct nova_probe_ctx *ctx)
{
    if (!nova_expect_status(ctx, "map the ECAM's bus 0",
                            nova_boot_map_phys(nova_board.pci_ecam, ECAM_VA, 8,
                                               NOVA_PERM_MEM_R | NOVA_PERM_MEM_W, dev_mad()),
                            NOVA_SUCCESS))
        return 0;
    for (slot = 0; slot < 32 && edu_cfg_read(0) != EDU_ID; slot++)
        ;
    if (slot == 32) {
        nova_fail(ctx, "no edu device on PCIe bus 0 (the profile adds -device edu)");
        return 0;
    }
    uint64_t bar = 0;
    if (!place_bar0(&bar)) {
        nova_fail(ctx, "edu BAR0 is no 32-bit memory BAR or does not take 0x%llx",
                  (unsigned long long)bar);
        return 0;
    }
    if (!nova_expect_status(ctx, "map BAR0",
                            nova_boot_map_phys(bar, BAR_VA, 0, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W,
                                               dev_mad()),
                            NOVA_SUCCESS))
        return 0;
    return BAR_VA;
}

/* The ITS's doorbell (GITS_TRANSLATER) and an EventID below INT_MSI. */
bool msi_plausible(uint32_t addr, uint16_t data)
{
    return addr && !(addr % 4) && data < nova_rt.hip->int_msi;
}

bool msi_source_checked(uint32_t addr)
{
    (void)addr;                 /* the ITS maps (DeviceID, EventID) pairs */
    return true;
}
