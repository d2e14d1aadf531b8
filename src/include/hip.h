/* The Hypervisor Information Page (interface §5.7). */
#pragma once
#include <stdint.h>

struct __attribute__((packed)) hip {
    uint32_t signature;
    uint16_t checksum, length;
    uint64_t nova_start, nova_end, mbuf_start, mbuf_end, root_start, root_end;
    uint64_t acpi_rsdp, uefi_map;
    uint32_t uefi_map_size;
    uint16_t uefi_desc_size, uefi_desc_version;
    uint64_t stc_freq, sel_num;
    uint16_t sel_hst_arch, sel_hst_nova, sel_gst_arch, sel_gst_nova;
    uint16_t cpu_num, cpu_bsp, int_pin, int_msi;
    uint8_t mco_obj, mco_hst, mco_gst, mco_dma, mco_pio, mco_msr;
    uint16_t ki_max;
    uint64_t features;
    uint8_t arch[16];               /* architecture part */
};

_Static_assert(__builtin_offsetof(struct hip, stc_freq) == 0x50, "HIP layout");
_Static_assert(__builtin_offsetof(struct hip, cpu_num) == 0x68, "HIP layout");
_Static_assert(__builtin_offsetof(struct hip, features) == 0x78, "HIP layout");
_Static_assert(__builtin_offsetof(struct hip, arch) == 0x80, "HIP layout");

#define HIP_SIGNATURE 0x41564F4Eu   /* "NOVA" */

struct bootinfo;

/* Fills the HIP page (kernel address) for this boot and checksums it. */
void hip_build(struct hip *h, const struct bootinfo *bi);
