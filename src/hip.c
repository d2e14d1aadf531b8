/* Building the HIP: what the root PD learns about the platform. */
#include "hip.h"
#include "arch.h"
#include "arch_hip.h"
#include "bootinfo.h"
#include "kmem.h"
#include "space.h"
#include "hypercall.h"
#include "intr.h"
#include "sys_util.h"

void hip_build(struct hip *h, const struct bootinfo *bi)
{
    *h = (struct hip){
        .signature = HIP_SIGNATURE,
        .length = ARCH_HIP_LENGTH,
        .nova_start = nova_phys_start,
        .nova_end = nova_phys_end,
        .root_start = bi->mod_count ? bi->mod[0].start : 0,
        .root_end = bi->mod_count ? bi->mod[0].end : 0,
        .acpi_rsdp = bi->acpi_rsdp ? bi->acpi_rsdp : ~0ull,
        .uefi_map = ~0ull,
        .stc_freq = arch_counter_hz(),
        .sel_num = SEL_NUM,
        .sel_hst_arch = ARCH_SEL_HST_ARCH, .sel_hst_nova = 2,
        .sel_gst_arch = ARCH_SEL_GST_ARCH, .sel_gst_nova = ARCH_SEL_GST_NOVA,
        .cpu_num = (uint16_t)cpu_count,
        .int_pin = (uint16_t)arch_int_pins(),
        .int_msi = (uint16_t)arch_int_msis(),
        .mco_obj = 9,             /* an aligned 512-range lies in one leaf */
        .mco_pio = 16, .mco_msr = 16,
    };
    uint16_t sum = 0;
    const uint8_t *p = (const uint8_t *)h;
    for (unsigned i = 0; i + 1 < h->length; i += 2)
        sum = (uint16_t)(sum + (p[i] | p[i + 1] << 8));
    h->checksum = (uint16_t)-sum;
}
const uint64_t sel_hst_arch = ARCH_SEL_HST_ARCH;
