/* The user-side NOVA ABI headers (testsuite/include/nova): their
 * _Static_asserts (every offset of the HIP and both architectural UTCB
 * layouts) are checked by compiling this file; the checks below pin the
 * packing helpers and constants to the values of the interface spec. */
#include "check.h"
#include <stdint.h>
#include "nova/abi.h"
#include "nova/aarch64/event.h"
#include "nova/aarch64/mtd.h"
#include "nova/aarch64/utcb_arch.h"
#include "nova/x86_64/event.h"
#include "nova/x86_64/mtd.h"
#include "nova/x86_64/utcb_arch.h"

static void identifiers(void)
{
    /* Number in bits 3..0, flags in 7..4, selector from bit 8 (spec 6.1). */
    CHECK(nova_hc_id(NOVA_HC_CTRL_SM, NOVA_CTRL_SM_D | NOVA_CTRL_SM_Z) == 0x3B);
    CHECK(nova_hc_id(NOVA_HC_CREATE_EC, NOVA_EC_G | NOVA_EC_T | NOVA_EC_F) == 0x73);
    CHECK(nova_hc_p0(NOVA_HC_IPC_CALL, NOVA_IPC_CALL_T, 0x1234) == 0x123410);
    CHECK(nova_hc_p0(NOVA_HC_CREATE_PD, NOVA_PD_OP_MSR, 0x3FFFF) == 0x3FFFF62);
    CHECK(NOVA_HC_ASSIGN_DEV == 0xE && NOVA_HC_RESERVED == 0xF);
}

static void statuses(void)
{
    CHECK(NOVA_SUCCESS == 0 && NOVA_BAD_HYP == 4 && NOVA_MEM_CAP == 0xB);
    CHECK_STR(nova_status_name(NOVA_BAD_CAP), "BAD_CAP");
    CHECK_STR(nova_status_name(NOVA_MEM_OBJ), "MEM_OBJ");
    CHECK_STR(nova_status_name(0xC), "RESERVED");
}

static void permissions(void)
{
    /* The "all defined" masks of spec 7. */
    CHECK(NOVA_PERM_OBJ_ALL == 0x03 && NOVA_PERM_HST_ALL == 0x03);
    CHECK(NOVA_PERM_GST_ALL == 0x05 && NOVA_PERM_DMA_ALL == 0x05);
    CHECK(NOVA_PERM_PIO_ALL == 0x07 && NOVA_PERM_MSR_ALL == 0x07);
    CHECK(NOVA_PERM_PD_ALL == 0x1F && NOVA_PERM_EC_ALL == 0x0D && NOVA_PERM_SC_ALL == 0x01);
    CHECK(NOVA_PERM_PT_ALL == 0x07 && NOVA_PERM_SM_ALL == 0x03 && NOVA_PERM_SM_INT == 0x12);
    CHECK((NOVA_PERM_EC_CTRL | NOVA_PERM_EC_BIND_PT | NOVA_PERM_EC_BIND_SC) == NOVA_PERM_EC_ALL);
    CHECK(NOVA_PERM_MEM_XS == 0x08 && NOVA_PERM_PIO_A == 0x01 && NOVA_PERM_MSR_W == 0x02);
}

static void selectors(void)
{
    uint64_t n = NOVA_SEL_NUM_IMPL;
    CHECK(NOVA_ROOT_SEL_NOVA_OBJ(n) == 0x3FFFF && NOVA_ROOT_SEL_SC(n) == 0x3FFFB);
    CHECK(NOVA_SEL_CONSOLE_SM(n) == 0x3FFFF && NOVA_SEL_ROOT_PIO(n) == 0x3FFF8);
    CHECK(NOVA_SEL_ROOT_PD_IMPL(n) == 0x3FFF7 && NOVA_SEL_INT_SM_BASE == 0x10000);
}

static void packing(void)
{
    /* Spec 6.1's example: source base 0x1000, order 4. */
    CHECK(nova_pack_ssb_ord(0x1000, 4) == ((0x1000ull << 12) | 4));
    CHECK(nova_pack_dsb_pmm(0x3F8, 0x1F) == ((0x3F8ull << 12) | 0x1F));
    CHECK(nova_pack_hvp_cpu(0x7FFFFFFFE000ull, 3) == 0x7FFFFFFFE003ull);
    CHECK(nova_pack_hvp_cpu(0x10000FFFull, 0x1001) == 0x10000001ull);
    CHECK(nova_pack_smmu(0x12345678) == 0x12345000);
    /* SCD: budget 15..0, priority 22..16, COS 38..23. */
    CHECK(nova_scd(1000, 127, 0) == (1000u | 127u << 16));
    CHECK(nova_scd(0, 0, 0xFFFF) == 0xFFFFull << 23);
    CHECK(nova_scd(0, 0x80, 0) == 0);
    CHECK(nova_scd(0x10001, 1, 1) == (1ull | 1ull << 16 | 1ull << 23));
    /* MAD: x86 CA 2..0, KI 17..3; Arm CA 2..0, SH 4..3. */
    CHECK(nova_mad_x86(NOVA_MAD_X86_UC, 0x7FFF) == (3u | 0x7FFFu << 3));
    CHECK(nova_mad_arm(NOVA_MAD_ARM_MEM_WB, NOVA_MAD_ARM_SH_INNER) == 0x1F);
    CHECK(nova_mad_arm(NOVA_MAD_ARM_DEV, NOVA_MAD_ARM_SH_NONE) == 0);
    /* DAD: x86 F 2..0, D 7..3, B 15..8, S 31..16; Arm SID, mask, SMG, CTX. */
    CHECK(nova_dad_x86(1, 0x12, 0x1F, 7) == (7u | 0x1Fu << 3 | 0x12u << 8 | 1u << 16));
    CHECK(nova_dad_arm(0xABCD, 0x00FF, 0x12, 0x34) ==
          (0xABCDull | 0xFFull << 16 | 0x12ull << 32 | 0x34ull << 40));
    /* ctrl_hw descriptors. */
    CHECK(nova_hw_sstate(NOVA_S5, 5, 7) == (5u | 5u << 3 | 7u << 6));
    CHECK(nova_hw_cat(3, 0xF0) == (3ull | 0xF0ull << 16));
    CHECK(nova_hw_mba(2, 10) == (2u | 10u << 16));
}

static void mtds(void)
{
    CHECK(nova_mtd_count(0) == 1 && nova_mtd_count(0x1FF) == 512 && nova_mtd_count(0xFFFFFE02) == 3);
    CHECK(nova_mtd_words(1) == 0 && nova_mtd_words(512) == 0x1FF);
    CHECK(NOVA_MTD_X86_POISON == 1u && NOVA_MTD_X86_RIP == 1u << 4 && NOVA_MTD_X86_QUAL == 1u << 6);
    CHECK(NOVA_MTD_X86_TSC == 1u << 27 && NOVA_MTD_X86_TLB == 1u << 29 && NOVA_MTD_X86_SPACES == 1u << 31);
    CHECK(NOVA_MTD_A64_GPR == 1u << 2 && NOVA_MTD_A64_EL0_IDR == 1u << 5);
    CHECK(NOVA_MTD_A64_EL1_SP == 1u << 10 && NOVA_MTD_A64_EL1_MDSCR == 1u << 20);
    CHECK(NOVA_MTD_A64_EL2_HCR == 1u << 23 && NOVA_MTD_A64_EL2_ELR_SPSR == 1u << 25);
    CHECK(NOVA_MTD_A64_TMR == 1u << 29 && NOVA_MTD_A64_SPACES == 1u << 31);
}

static void events(void)
{
    CHECK(nova_evt_kernel(0x100, 32, NOVA_EVT_STARTUP) == 0x120);
    CHECK(nova_evt_kernel(0, 64, NOVA_EVT_VTIMER) == 66);
    CHECK(nova_evt_arch(0x40, NOVA_X86_EXC_PF) == 0x4E);
    CHECK(NOVA_X86_EXC_UD == 6 && NOVA_X86_EXC_CP == 0x15 && NOVA_VMX_UWRMSR == 0x51);
    CHECK(NOVA_VMX_CPUID == 0x0A && NOVA_VMX_EPT_VIOLATION == 0x30 && NOVA_VMX_XSETBV == 0x37);
    CHECK(NOVA_A64_EC_HVC64 == 0x16 && NOVA_A64_EC_DABT_LOW == 0x24 && NOVA_A64_EC_BRK == 0x3C);
    CHECK(NOVA_A64_ESR_EC(0x96000045ull) == 0x25);
}

/* A HIP as the x86 kernel would build it, with a valid checksum. */
static void fake_hip(struct nova_hip_x86 *h)
{
    memset(h, 0, sizeof *h);
    h->hip.signature = NOVA_HIP_SIGNATURE;
    h->hip.length = sizeof *h;
    h->hip.sel_num = NOVA_SEL_NUM_IMPL;
    h->hip.cpu_num = 1;
    h->hip.features = 0x5;
    h->hip.checksum = (uint16_t)(0 - nova_hip_sum(h, sizeof *h));
}

static void hip(void)
{
    struct nova_hip_x86 h;
    fake_hip(&h);
    CHECK(!memcmp(&h, "NOVA", 4));
    CHECK(nova_hip_sum(&h, h.hip.length) == 0);
    CHECK_ACCEPTS(nova_hip_check(&h.hip, 4096));
    h.hip.cpu_bsp ^= 1;
    CHECK_REJECTS(nova_hip_check(&h.hip, 4096), "checksum");
    fake_hip(&h);
    h.hip.signature ^= 1;
    CHECK_REJECTS(nova_hip_check(&h.hip, 4096), "signature");
    fake_hip(&h);
    h.hip.length = 0x7E;
    CHECK_REJECTS(nova_hip_check(&h.hip, 4096), "below the fixed part");
    h.hip.length = 0x1002;
    CHECK_REJECTS(nova_hip_check(&h.hip, 8192), "beyond the page");
    CHECK_REJECTS(nova_hip_check(&h.hip, 0x40), "fewer bytes");
    /* An odd length counts the last byte as a low byte. */
    const uint8_t odd[3] = {0x01, 0x02, 0x03};
    CHECK(nova_hip_sum(odd, 3) == 0x0204);
}

static void layouts(void)
{
    /* Sizes from spec 3.5 / 3.8 / 5.7 (the offsets are static asserts). */
    CHECK(sizeof(struct nova_utcb_x86) == 0x270 && sizeof(struct nova_utcb_aarch64) == 0x2E8);
    CHECK(sizeof(struct nova_utcb) == 4096 && sizeof(nova_utcb_arch) == NOVA_UTCB_ARCH_SIZE);
    CHECK(sizeof(struct nova_hip) == 0x80 && sizeof(struct nova_hip_x86) == 0x90 &&
          sizeof(struct nova_hip_aarch64) == 0x88);
    CHECK(NOVA_X86_AR_L == 1u << 9 && NOVA_X86_AR_UNUSABLE == 1u << 12);
    CHECK((NOVA_X86_INTR_V | NOVA_X86_INTR_TYPE(NOVA_X86_INTR_HWEXC) | NOVA_X86_INTR_VECTOR(14)) ==
          0x8000030Eu);
}

int main(void)
{
    identifiers();
    statuses();
    permissions();
    selectors();
    packing();
    mtds();
    events();
    hip();
    layouts();
    return CHECK_DONE();
}
