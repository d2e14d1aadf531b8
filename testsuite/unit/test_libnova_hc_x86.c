/* libnova's x86_64 hypercall wrappers, executed on the host: a seccomp
 * filter turns every SYSCALL issued from this file's probe section into a
 * SIGSYS, whose handler plays the kernel - it records RDI, RSI, RDX, RAX
 * and R8, writes status and outputs, and trashes RCX and R11 as SYSRET
 * does. This checks the register mapping of spec 6.3 for every wrapper. */
#define _GNU_SOURCE      /* REG_* register names of ucontext */
#include "check.h"
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>
#include "libnova/hc.h"
#include "nova/abi.h"

#define PROBE_CODE __attribute__((noinline, section("hcprobe")))
extern const char __start_hcprobe[], __stop_hcprobe[];

static struct {
    uint64_t in[5];     /* RDI, RSI, RDX, RAX (low 32 bits), R8 */
    uint64_t out[3];    /* RDI (status in 7..0), RSI, RDX */
    unsigned calls;
} k;

static void on_sigsys(int sig, siginfo_t *si, void *uc_v)
{
    (void)sig;
    ucontext_t *uc = uc_v;
    greg_t *g = uc->uc_mcontext.gregs;
    k.in[0] = (uint64_t)g[REG_RDI];
    k.in[1] = (uint64_t)g[REG_RSI];
    k.in[2] = (uint64_t)g[REG_RDX];
    k.in[3] = (uint32_t)si->si_syscall;     /* RAX: seccomp sees its low half */
    k.in[4] = (uint64_t)g[REG_R8];
    g[REG_RDI] = (greg_t)k.out[0];
    g[REG_RSI] = (greg_t)k.out[1];
    g[REG_RDX] = (greg_t)k.out[2];
    g[REG_RCX] = (greg_t)0xdeadbeefcafef00dull;
    g[REG_R11] = 0x202;
    k.calls++;
}

static int trap_probe_section(void)
{
    uint64_t lo = (uintptr_t)__start_hcprobe, hi = (uintptr_t)__stop_hcprobe;
    if (lo >> 32 != (hi - 1) >> 32)
        return -1;      /* keep the filter to one high half */
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, instruction_pointer) + 4),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)(lo >> 32), 0, 4),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, instruction_pointer)),
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)lo, 0, 2),
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)hi, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof f / sizeof f[0], f};
    struct sigaction sa = {.sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO};
    if (sigaction(SIGSYS, &sa, 0) || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
        return -1;
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

static void kernel_returns(uint64_t rdi, uint64_t rsi, uint64_t rdx)
{
    k.out[0] = rdi;
    k.out[1] = rsi;
    k.out[2] = rdx;
}

static void expect_in(uint64_t rdi, uint64_t rsi, uint64_t rdx, uint64_t rax, uint64_t r8, int line)
{
    const uint64_t want[5] = {rdi, rsi, rdx, rax & 0xFFFFFFFF, r8};
    for (int i = 0; i < 5; i++)
        if (k.in[i] != want[i]) {
            fprintf(stderr, "line %d: register %d = 0x%lx, want 0x%lx\n", line, i,
                    (unsigned long)k.in[i], (unsigned long)want[i]);
            check_failures++;
        }
}
#define EXPECT_IN(...) expect_in(__VA_ARGS__, __LINE__)

PROBE_CODE static void ipc(void)
{
    kernel_returns(0x1100, 0x1FF, 0);          /* status byte 0, junk above */
    uint32_t mtd = 0x12;
    CHECK(nova_ipc_call(0xABC, NOVA_IPC_CALL_T, &mtd) == NOVA_SUCCESS);
    EXPECT_IN(0xABC10, 0x12, 0, 0, 0);
    CHECK(mtd == 0x1FF);
    kernel_returns(NOVA_ABORTED, 7, 0);
    CHECK(nova_ipc_call(1, 0, &mtd) == NOVA_ABORTED);
}

PROBE_CODE static void creates(void)
{
    kernel_returns(NOVA_BAD_PAR, 0, 0);
    CHECK(nova_create_pd(0x3FF00, 0x3FFFD, 9) == NOVA_BAD_PAR);
    EXPECT_IN(0x3FF0092, 0x3FFFD, 0, 0, 0);
    kernel_returns(NOVA_SUCCESS, 0, 0);
    CHECK(nova_create_ec(0x1001, 0x3FFFD, NOVA_EC_T | NOVA_EC_F, 0x10005000, 3, 0x7000, 0x40) == 0);
    EXPECT_IN(0x100163, 0x3FFFD, 0x10005003, 0x7000, 0x40);
    CHECK(nova_create_sc(0x1002, 0x3FFFD, 0x1001, nova_scd(10, 5, 0)) == 0);
    EXPECT_IN(0x100204, 0x3FFFD, 0x1001, 0x5000A, 0);
    CHECK(nova_create_pt(0x1003, 0x3FFFD, 0x1001, 0x401000) == 0);
    EXPECT_IN(0x100305, 0x3FFFD, 0x1001, 0x401000, 0);
    CHECK(nova_create_sm(0x1004, 0x3FFFD, ~0ull) == 0);
    EXPECT_IN(0x100406, 0x3FFFD, ~0ull, 0, 0);
}

PROBE_CODE static void ctrls(void)
{
    kernel_returns(NOVA_SUCCESS, 0, 0);
    CHECK(nova_ctrl_pd(0x800, 0x801, 0x9000, 2, 0x3F000, 3, 0x1F) == 0);
    EXPECT_IN(0x80007, 0x801, 0x9000002, 0x3F000003, 0x1F);
    CHECK(nova_ctrl_ec(0x1001, NOVA_CTRL_EC_S) == 0);
    EXPECT_IN(0x100118, 0, 0, 0, 0);
    uint64_t t = 0;
    kernel_returns(NOVA_SUCCESS, 0x123456789ull, 0);
    CHECK(nova_ctrl_sc(0x3FFFB, &t) == 0);
    EXPECT_IN(0x3FFFB09, 0, 0, 0, 0);
    CHECK(t == 0x123456789ull);
    CHECK(nova_ctrl_pt(0x1003, ~0ull, 0x80000010) == 0);
    EXPECT_IN(0x10030A, ~0ull, 0x80000010, 0, 0);
    kernel_returns(NOVA_TIMEOUT, 0, 0);
    CHECK(nova_ctrl_sm(0x1004, NOVA_CTRL_SM_D | NOVA_CTRL_SM_Z, 0x55) == NOVA_TIMEOUT);
    EXPECT_IN(0x10043B, 0x55, 0, 0, 0);
    kernel_returns(NOVA_SUCCESS, 0, 0);
    CHECK(nova_sm_up(0x1004) == 0);
    EXPECT_IN(0x10040B, 0, 0, 0, 0);
    CHECK(nova_ctrl_hw(NOVA_HW_OP_SSTATE, nova_hw_sstate(5, 0, 0)) == 0);
    EXPECT_IN(0x50C, 0, 0, 0, 0);
}

PROBE_CODE static void assigns(void)
{
    uint32_t addr = 0;
    uint16_t data = 0;
    kernel_returns(NOVA_SUCCESS, 0xFEE00000, 0x4041);
    CHECK(nova_assign_int(0x10005, NOVA_ASSIGN_INT_M | NOVA_ASSIGN_INT_G, 2, 0x0108, &addr, &data) == 0);
    EXPECT_IN(0x10005 << 8 | 0x9D, 2, 0x108, 0, 0);
    CHECK(addr == 0xFEE00000 && data == 0x4041);
    kernel_returns(NOVA_BAD_DEV, 0, 0);
    CHECK(nova_assign_dev(0x1005, 0xFED90123, nova_dad_x86(0, 1, 2, 3)) == NOVA_BAD_DEV);
    EXPECT_IN(0x10050E, 0xFED90000, 0x113, 0, 0);
}

/* Values live across a hypercall must survive the clobbers (RCX, R11). */
PROBE_CODE static uint64_t live_values(uint64_t a, uint64_t b, uint64_t c)
{
    kernel_returns(0, 0, 0);
    uint64_t x = a * 3, y = b ^ c, z = c + a;
    for (int i = 0; i < 4; i++) {
        nova_sm_up(0x10);
        x += y, y += z, z ^= x;
    }
    return x ^ y ^ z;
}

static uint64_t live_ref(uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t x = a * 3, y = b ^ c, z = c + a;
    for (int i = 0; i < 4; i++)
        x += y, y += z, z ^= x;
    return x ^ y ^ z;
}

int main(void)
{
    if (trap_probe_section()) {
        fprintf(stderr, "seccomp unavailable (%d): skipped\n", errno);
        return 77;
    }
    ipc();
    creates();
    ctrls();
    assigns();
    CHECK(live_values(1, 2, 3) == live_ref(1, 2, 3));
    CHECK(k.calls == 20);
    return CHECK_DONE();
}
