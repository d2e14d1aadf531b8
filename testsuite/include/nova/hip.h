/* Hypervisor information page (spec 5.7): mapped read-only in the root host
 * space at 2^H - 4 KiB, where the root EC's initial SP points. Fields are
 * little-endian; the fixed part is 0x80 bytes, the architecture part
 * follows up to Length. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define NOVA_HIP_SIGNATURE 0x41564F4Eu   /* "NOVA" in memory order */
#define NOVA_HIP_FIXED_SIZE 0x80u
#define NOVA_HIP_MAX_SIZE 4096u
#define NOVA_HIP_ABSENT (~(uint64_t)0)   /* RSDP / UEFI map address when absent */

/* Platform features (offset 0x78); bits 63..3 are reserved. */
#define NOVA_HIP_FTR_IOMMU (1ull << 0)   /* aarch64: SMMU, x86: IOMMU enabled */
#define NOVA_HIP_FTR_VMX   (1ull << 1)   /* x86 only */
#define NOVA_HIP_FTR_SVM   (1ull << 2)   /* x86 only */
#define NOVA_HIP_FTR_RESERVED (~7ull)

struct nova_hip {
    uint32_t signature;
    uint16_t checksum;          /* the 16-bit sum over Length bytes is 0 */
    uint16_t length;
    uint64_t nova_start, nova_end;      /* physical */
    uint64_t mbuf_start, mbuf_end;      /* memory-buffer console, physical */
    uint64_t root_start, root_end;      /* root image, physical */
    uint64_t acpi_rsdp;                 /* all ones if absent */
    uint64_t uefi_map;                  /* all ones if absent */
    uint32_t uefi_map_size;
    uint16_t uefi_desc_size;
    uint16_t uefi_desc_version;
    uint64_t stc_freq;                  /* Hz */
    uint64_t sel_num;
    uint16_t sel_hst_arch, sel_hst_nova;
    uint16_t sel_gst_arch, sel_gst_nova;
    uint16_t cpu_num, cpu_bsp;
    uint16_t int_pin, int_msi;
    uint8_t mco_obj, mco_hst, mco_gst, mco_dma, mco_pio, mco_msr;
    uint16_t ki_max;
    uint64_t features;
};

_Static_assert(offsetof(struct nova_hip, signature) == 0x00, "HIP signature");
_Static_assert(offsetof(struct nova_hip, checksum) == 0x04, "HIP checksum");
_Static_assert(offsetof(struct nova_hip, length) == 0x06, "HIP length");
_Static_assert(offsetof(struct nova_hip, nova_start) == 0x08, "HIP nova_start");
_Static_assert(offsetof(struct nova_hip, nova_end) == 0x10, "HIP nova_end");
_Static_assert(offsetof(struct nova_hip, mbuf_start) == 0x18, "HIP mbuf_start");
_Static_assert(offsetof(struct nova_hip, mbuf_end) == 0x20, "HIP mbuf_end");
_Static_assert(offsetof(struct nova_hip, root_start) == 0x28, "HIP root_start");
_Static_assert(offsetof(struct nova_hip, root_end) == 0x30, "HIP root_end");
_Static_assert(offsetof(struct nova_hip, acpi_rsdp) == 0x38, "HIP acpi_rsdp");
_Static_assert(offsetof(struct nova_hip, uefi_map) == 0x40, "HIP uefi_map");
_Static_assert(offsetof(struct nova_hip, uefi_map_size) == 0x48, "HIP uefi_map_size");
_Static_assert(offsetof(struct nova_hip, uefi_desc_size) == 0x4C, "HIP uefi_desc_size");
_Static_assert(offsetof(struct nova_hip, uefi_desc_version) == 0x4E, "HIP uefi_desc_version");
_Static_assert(offsetof(struct nova_hip, stc_freq) == 0x50, "HIP stc_freq");
_Static_assert(offsetof(struct nova_hip, sel_num) == 0x58, "HIP sel_num");
_Static_assert(offsetof(struct nova_hip, sel_hst_arch) == 0x60, "HIP sel_hst_arch");
_Static_assert(offsetof(struct nova_hip, sel_hst_nova) == 0x62, "HIP sel_hst_nova");
_Static_assert(offsetof(struct nova_hip, sel_gst_arch) == 0x64, "HIP sel_gst_arch");
_Static_assert(offsetof(struct nova_hip, sel_gst_nova) == 0x66, "HIP sel_gst_nova");
_Static_assert(offsetof(struct nova_hip, cpu_num) == 0x68, "HIP cpu_num");
_Static_assert(offsetof(struct nova_hip, cpu_bsp) == 0x6A, "HIP cpu_bsp");
_Static_assert(offsetof(struct nova_hip, int_pin) == 0x6C, "HIP int_pin");
_Static_assert(offsetof(struct nova_hip, int_msi) == 0x6E, "HIP int_msi");
_Static_assert(offsetof(struct nova_hip, mco_obj) == 0x70, "HIP mco_obj");
_Static_assert(offsetof(struct nova_hip, mco_hst) == 0x71, "HIP mco_hst");
_Static_assert(offsetof(struct nova_hip, mco_gst) == 0x72, "HIP mco_gst");
_Static_assert(offsetof(struct nova_hip, mco_dma) == 0x73, "HIP mco_dma");
_Static_assert(offsetof(struct nova_hip, mco_pio) == 0x74, "HIP mco_pio");
_Static_assert(offsetof(struct nova_hip, mco_msr) == 0x75, "HIP mco_msr");
_Static_assert(offsetof(struct nova_hip, ki_max) == 0x76, "HIP ki_max");
_Static_assert(offsetof(struct nova_hip, features) == 0x78, "HIP features");
_Static_assert(sizeof(struct nova_hip) == NOVA_HIP_FIXED_SIZE, "HIP fixed part");

/* x86-64 architecture part. Impl. note: Length = 0x90. */
struct nova_hip_x86 {
    struct nova_hip hip;
    uint64_t tpm_log;           /* physical, page-aligned */
    uint32_t tpm_log_size;      /* bytes */
    uint32_t tpm_log_end;       /* offset just past the last entry */
};
_Static_assert(offsetof(struct nova_hip_x86, tpm_log) == 0x80, "HIP x86 tpm_log");
_Static_assert(offsetof(struct nova_hip_x86, tpm_log_size) == 0x88, "HIP x86 tpm_log_size");
_Static_assert(offsetof(struct nova_hip_x86, tpm_log_end) == 0x8C, "HIP x86 tpm_log_end");
_Static_assert(sizeof(struct nova_hip_x86) == 0x90, "HIP x86 size");

/* aarch64 architecture part. Impl. note: Length = 0x88. */
struct nova_hip_aarch64 {
    struct nova_hip hip;
    uint16_t smg_num;           /* SMMU stream mapping groups */
    uint16_t ctx_num;           /* SMMU translation contexts */
    uint32_t undefined;
};
_Static_assert(offsetof(struct nova_hip_aarch64, smg_num) == 0x80, "HIP aarch64 smg_num");
_Static_assert(offsetof(struct nova_hip_aarch64, ctx_num) == 0x82, "HIP aarch64 ctx_num");
_Static_assert(offsetof(struct nova_hip_aarch64, undefined) == 0x84, "HIP aarch64 undefined");
_Static_assert(sizeof(struct nova_hip_aarch64) == 0x88, "HIP aarch64 size");

/* The 16-bit little-endian word sum over len bytes (an odd tail byte counts
 * as a low byte). A valid HIP sums to 0 over its Length. */
static inline uint16_t nova_hip_sum(const void *base, size_t len)
{
    const uint8_t *b = (const uint8_t *)base;
    uint16_t sum = 0;
    for (size_t i = 0; i + 1 < len; i += 2)
        sum = (uint16_t)(sum + (b[i] | b[i + 1] << 8));
    if (len & 1)
        sum = (uint16_t)(sum + b[len - 1]);
    return sum;
}

/* Checks signature, Length (fixed part ≤ Length ≤ min(4096, avail)) and
 * checksum. Returns 0 when valid, otherwise the reason. */
static inline const char *nova_hip_check(const struct nova_hip *hip, size_t avail)
{
    if (avail < NOVA_HIP_FIXED_SIZE)
        return "fewer bytes than the fixed part";
    if (hip->signature != NOVA_HIP_SIGNATURE)
        return "bad signature";
    if (hip->length < NOVA_HIP_FIXED_SIZE)
        return "length below the fixed part";
    if (hip->length > NOVA_HIP_MAX_SIZE || hip->length > avail)
        return "length beyond the page";
    if (nova_hip_sum(hip, hip->length))
        return "checksum does not sum to zero";
    return 0;
}
