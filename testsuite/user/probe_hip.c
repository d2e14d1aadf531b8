/* The HIP as the root finds it (spec 5.6, 5.7). */
#include "util.h"
#include "libnova/timing.h"

static const struct nova_hip *hip(void)
{
    return nova_rt.hip;
}

static void signature(struct nova_probe_ctx *ctx)
{
    nova_expect_eq(ctx, "signature", hip()->signature, NOVA_HIP_SIGNATURE);
}
NOVA_PROBE("hip.signature", signature);

static void checksum(struct nova_probe_ctx *ctx)
{
    uint16_t len = hip()->length;
    if (len < NOVA_HIP_FIXED_SIZE || len > NOVA_HIP_MAX_SIZE)
        FAIL_RETURN(ctx, "length 0x%x cannot be summed", len);
    nova_expect_eq(ctx, "16-bit sum over Length bytes", nova_hip_sum(hip(), len), 0);
}
NOVA_PROBE("hip.checksum", checksum);

static void length(struct nova_probe_ctx *ctx)
{
    /* The architecture part (spec 5.7 tables) must fit inside Length. */
#if defined(__x86_64__)
    unsigned need = sizeof(struct nova_hip_x86);
#else
    unsigned need = sizeof(struct nova_hip_aarch64);
#endif
    uint16_t len = hip()->length;
    if (len < need || len > NOVA_HIP_MAX_SIZE)
        nova_fail(ctx, "length=0x%x expected 0x%x..0x%x", len, need, NOVA_HIP_MAX_SIZE);
}
NOVA_PROBE("hip.length", length);

static void address(struct nova_probe_ctx *ctx)
{
    /* HIP at 2^H - 4 KiB and HIP + 4096 = 2^H, H in the architecture's range. */
    uint64_t top = (uintptr_t)hip() + 4096;
    unsigned h = 0;
    while (h < 64 && ((uint64_t)1 << h) != top)
        h++;
#if defined(__x86_64__)
    unsigned lo = NOVA_H_MIN_X86, hi = NOVA_H_MAX_X86;
#else
    unsigned lo = NOVA_H_MIN_A64, hi = NOVA_H_MAX_A64;
#endif
    if (h < lo || h > hi)
        nova_fail(ctx, "HIP at 0x%lx: HIP+4096 is not 2^H with %u <= H <= %u",
                  (unsigned long)(uintptr_t)hip(), lo, hi);
}
NOVA_PROBE("hip.address", address);

static void sel_num(struct nova_probe_ctx *ctx)
{
    /* The NOVA object space holds the interrupt SMs from 0x10000 and the
     * well-known selectors at SEL_NUM-1..-8; they must not collide. */
    const struct nova_hip *h = hip();
    uint64_t int_end = NOVA_SEL_INT_SM_BASE + (uint64_t)h->int_pin + h->int_msi;
    if (h->sel_num < int_end + 8)
        nova_fail(ctx, "sel_num=0x%lx leaves no room for interrupt SMs up to 0x%lx",
                  (unsigned long)h->sel_num, (unsigned long)int_end);
    else if (h->sel_num < (uint64_t)h->cpu_num)
        nova_fail(ctx, "sel_num=0x%lx below cpu_num", (unsigned long)h->sel_num);
}
NOVA_PROBE("hip.sel_num", sel_num);

static void cpus(struct nova_probe_ctx *ctx)
{
    if (hip()->cpu_num < 1)
        FAIL_RETURN(ctx, "cpu_num=0");
    if (hip()->cpu_bsp >= hip()->cpu_num)
        nova_fail(ctx, "cpu_bsp=%u not below cpu_num=%u", hip()->cpu_bsp, hip()->cpu_num);
}
NOVA_PROBE("hip.cpu_num", cpus);

static void event_selectors(struct nova_probe_ctx *ctx)
{
    /* Room for every event number the spec defines (5.9): architectural
     * ones below SEL_ARCH, STARTUP/RECALL (aarch64 guests: VTIMER) after. */
    const struct nova_hip *h = hip();
    if (h->sel_hst_arch < NOVA_HST_ARCH_MIN)
        nova_fail(ctx, "sel_hst_arch=%u below %u", h->sel_hst_arch, NOVA_HST_ARCH_MIN);
    if (h->sel_hst_nova < NOVA_HST_NOVA_MIN)
        nova_fail(ctx, "sel_hst_nova=%u below %u", h->sel_hst_nova, NOVA_HST_NOVA_MIN);
    if (h->sel_gst_arch < NOVA_GST_ARCH_MIN)
        nova_fail(ctx, "sel_gst_arch=%u below %u", h->sel_gst_arch, NOVA_GST_ARCH_MIN);
    if (h->sel_gst_nova < NOVA_GST_NOVA_MIN)
        nova_fail(ctx, "sel_gst_nova=%u below %u", h->sel_gst_nova, NOVA_GST_NOVA_MIN);
}
NOVA_PROBE("hip.event_selectors", event_selectors);

static void stc(struct nova_probe_ctx *ctx)
{
    if (!hip()->stc_freq)
        FAIL_RETURN(ctx, "stc_freq=0");
    uint64_t a = nova_stc();
    for (volatile int i = 0; i < 100000; i++)
        ;
    uint64_t b = nova_stc();
    if (b <= a)
        nova_fail(ctx, "STC did not advance: 0x%lx then 0x%lx", (unsigned long)a, (unsigned long)b);
}
NOVA_PROBE("hip.stc", stc);

static void features(struct nova_probe_ctx *ctx)
{
    uint64_t f = hip()->features;
#if defined(__x86_64__)
    uint64_t reserved = NOVA_HIP_FTR_RESERVED;
#else
    uint64_t reserved = ~NOVA_HIP_FTR_IOMMU;    /* bits 1, 2 are "-" on Arm */
#endif
    if (f & reserved)
        nova_fail(ctx, "features=0x%lx sets reserved bits 0x%lx", (unsigned long)f,
                  (unsigned long)(f & reserved));
}
NOVA_PROBE("hip.features", features);

static void ranges(struct nova_probe_ctx *ctx)
{
    const struct nova_hip *h = hip();
    uint64_t image = (uintptr_t)__image_end - (uintptr_t)__image_start;
    if (h->nova_start >= h->nova_end)
        nova_fail(ctx, "NOVA range 0x%lx-0x%lx", (unsigned long)h->nova_start,
                  (unsigned long)h->nova_end);
    if (h->mbuf_start > h->mbuf_end)
        nova_fail(ctx, "MBUF range 0x%lx-0x%lx", (unsigned long)h->mbuf_start,
                  (unsigned long)h->mbuf_end);
    if (h->root_end - h->root_start < image || h->root_start >= h->root_end)
        nova_fail(ctx, "ROOT range 0x%lx-0x%lx smaller than the image (0x%lx bytes)",
                  (unsigned long)h->root_start, (unsigned long)h->root_end,
                  (unsigned long)image);
    if (h->uefi_map == NOVA_HIP_ABSENT &&
        (h->uefi_map_size || h->uefi_desc_size || h->uefi_desc_version))
        nova_fail(ctx, "UEFI map absent but size/desc fields are not 0");
}
NOVA_PROBE("hip.ranges", ranges);

static void mco(struct nova_probe_ctx *ctx)
{
    /* An order without partial failure cannot exceed the space itself. */
    const struct nova_hip *h = hip();
    if (h->mco_obj >= 64 || ((uint64_t)1 << h->mco_obj) > h->sel_num)
        nova_fail(ctx, "mco_obj=%u exceeds sel_num=0x%lx", h->mco_obj, (unsigned long)h->sel_num);
#if defined(__x86_64__)
    if (h->mco_pio > 16)
        nova_fail(ctx, "mco_pio=%u exceeds the 2^16 ports", h->mco_pio);
#endif
}
NOVA_PROBE("hip.mco", mco);
