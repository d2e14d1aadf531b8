/* Device pages are handed out from NOVA_LIB_VA_DEVICE upward, one frame each. */
#include "libnova/device.h"
#include "libnova/boot.h"
#include "libnova/layout.h"
#include "nova/mad.h"
#include "nova/perm.h"

static uintptr_t next = NOVA_LIB_VA_DEVICE;

unsigned nova_device_map(uint64_t pa, uintptr_t *va)
{
    uintptr_t page = next;
    uint32_t mad = nova_mad_arm(NOVA_MAD_ARM_DEV, NOVA_MAD_ARM_SH_NONE);
    unsigned s = nova_boot_map_phys(pa & ~0xFFFull, page, 0, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W, mad);
    if (s)
        return s;
    next += 0x1000;
    *va = page + (pa & 0xFFF);
    return 0;
}
