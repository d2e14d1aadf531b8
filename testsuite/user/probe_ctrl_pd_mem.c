/* ctrl_pd between host spaces (spec 4.11, 2.3, 3.10): aliases with
 * permission masks, revocation, physical frames from the NOVA host space
 * and the MAD checks. Faults come back through nova_try_run. */
#include "util.h"
#include "libnova/layout.h"
#include "libnova/monitor.h"

#define ROOT_HST NOVA_LIB_SEL_ROOT_HST
#define NOVA_HST NOVA_LIB_SEL_NOVA_HST

#if defined(__x86_64__)
#define DATA_FAULT NOVA_X86_EXC_PF
#define CODE_FAULT NOVA_X86_EXC_PF
#define MAD_GOOD nova_mad_x86(NOVA_MAD_X86_WB, 0)
#else
#define DATA_FAULT NOVA_A64_EC_DABT_LOW
#define CODE_FAULT NOVA_A64_EC_IABT_LOW
#define MAD_GOOD nova_mad_arm(NOVA_MAD_ARM_MEM_WB, NOVA_MAD_ARM_SH_INNER)
#endif

static volatile uint64_t page[512] __attribute__((aligned(4096)));

/* Maps the frame of page at a fresh VA of the root host space. */
static unsigned alias(uint64_t *va, unsigned pmm, uint32_t mad)
{
    *va = nova_va_scratch(1);
    return nova_ctrl_pd(ROOT_HST, ROOT_HST, (uintptr_t)page >> 12, 0, *va >> 12, pmm, mad);
}

static void poke(void *p)
{
    *(volatile uint64_t *)p = 0x1234;
}

static void peek(void *p)
{
    (void)*(volatile uint64_t *)p;
}

/* Runs fn(arg) in a local EC of the root PD. */
struct job {
    void (*fn)(void *);
    uint64_t arg;
};

static uint32_t run_job(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    const struct job *j = ec->arg;
    j->fn((void *)(uintptr_t)j->arg);
    return 0;
}

/* Whether fn(p) faults with event at address p. It runs in a helper EC:
 * the root monitor kills it on the fault (the call ends ABORTED) and
 * records the state, so the root itself never has to be resumed. */
static void expect_fault(struct nova_probe_ctx *ctx, const char *what, void (*fn)(void *),
                         uint64_t p, unsigned event)
{
    if (!nova_monitor_active())
        FAIL_RETURN(ctx, "%s: needs the root monitor (its setup failed)", what);
    struct job j = {fn, p};
    struct nova_ec *ec;
    nova_sel pt;
    if (!nova_expect_status(ctx, "helper EC (setup)", local_portal(&ec, &pt, run_job, &j, 0),
                            NOVA_SUCCESS))
        return;
    unsigned kills = nova_monitor_kills;
    uint32_t mtd = 0;
    unsigned s = nova_ipc_call(pt, 0, &mtd);
    if (s == NOVA_SUCCESS)
        FAIL_RETURN(ctx, "%s: no fault", what);
    if (s != NOVA_ABORTED || nova_monitor_kills == kills)
        FAIL_RETURN(ctx, "%s: the faulting EC was not killed (ipc_call got=%s)", what,
                    nova_status_name(s));
    const struct nova_exc *e = &nova_monitor_last;
    if (e->event != event)
        nova_fail(ctx, "%s: event=0x%x expected=0x%x", what, e->event, event);
    else if (e->addr != p)
        nova_fail(ctx, "%s: fault address=0x%lx expected=0x%lx", what, (unsigned long)e->addr,
                  (unsigned long)p);
}

static void host_alias(struct nova_probe_ctx *ctx)
{
    /* A second mapping of the same frame: writes show through both. */
    uint64_t va;
    if (!nova_expect_status(ctx, "ctrl_pd host->host R|W", alias(&va, NOVA_PERM_MEM_R | NOVA_PERM_MEM_W, 0),
                            NOVA_SUCCESS))
        return;
    volatile uint64_t *a = (volatile uint64_t *)(uintptr_t)va;
    page[3] = 0xabcdef;
    nova_expect_eq(ctx, "read via the alias", a[3], 0xabcdef);
    a[4] = 0x13579;
    nova_expect_eq(ctx, "write via the alias", page[4], 0x13579);
}
NOVA_PROBE("ctrl_pd.host_alias", host_alias);

static void read_only(struct nova_probe_ctx *ctx)
{
    /* pmm R: reads work, a write faults at the written address. */
    uint64_t va;
    if (!nova_expect_status(ctx, "ctrl_pd R", alias(&va, NOVA_PERM_MEM_R, 0), NOVA_SUCCESS))
        return;
    page[5] = 77;
    nova_expect_eq(ctx, "read", *(volatile uint64_t *)(uintptr_t)(va + 40), 77);
    expect_fault(ctx, "write", poke, va + 8, DATA_FAULT);
}
NOVA_PROBE("ctrl_pd.host_pmm_read_only", read_only);

static void revoke(struct nova_probe_ctx *ctx)
{
    /* pmm without a defined memory bit maps nothing; delegating with it
     * over a mapping removes the mapping. */
    uint64_t va, none;
    if (!nova_expect_status(ctx, "ctrl_pd pmm 0x10", alias(&none, 0x10, 0), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "ctrl_pd R", alias(&va, NOVA_PERM_MEM_R, 0), NOVA_SUCCESS))
        return;
    expect_fault(ctx, "read of the zero-permission page", peek, none, DATA_FAULT);
    peek((void *)(uintptr_t)va);
    if (!nova_expect_status(ctx, "ctrl_pd pmm 0 over the mapping",
                            nova_ctrl_pd(ROOT_HST, ROOT_HST, (uintptr_t)page >> 12, 0, va >> 12, 0, 0),
                            NOVA_SUCCESS))
        return;
    expect_fault(ctx, "read after revocation", peek, va, DATA_FAULT);
}
NOVA_PROBE("ctrl_pd.host_revoke", revoke);

static int ret42(void)
{
    return 42;
}

#if defined(__x86_64__)
static bool has_nx(void)
{
    uint32_t a = 0x80000001u, b, c = 0, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    return d & (1u << 20);
}
#else
static bool has_nx(void)
{
    return true;
}
#endif

static void call_it(void *fn)
{
    ((int (*)(void))fn)();
}

static void exec(struct nova_probe_ctx *ctx)
{
    /* X_U makes a frame executable in user mode; without it (and X_S)
     * instruction fetches fault. */
    uint64_t code = (uintptr_t)ret42 & ~(uint64_t)0xFFF, off = (uintptr_t)ret42 & 0xFFF;
    uint64_t x = nova_va_scratch(1), nx = nova_va_scratch(1);
    if (!nova_expect_status(ctx, "ctrl_pd R|XU",
                            nova_ctrl_pd(ROOT_HST, ROOT_HST, code >> 12, 0, x >> 12,
                                         NOVA_PERM_MEM_R | NOVA_PERM_MEM_XU, 0), NOVA_SUCCESS) ||
        !nova_expect_status(ctx, "ctrl_pd R",
                            nova_ctrl_pd(ROOT_HST, ROOT_HST, code >> 12, 0, nx >> 12,
                                         NOVA_PERM_MEM_R, 0), NOVA_SUCCESS))
        return;
    nova_expect_eq(ctx, "call through the R|XU alias", ((int (*)(void))(uintptr_t)(x + off))(), 42);
    if (!has_nx())
        SKIP_RETURN(ctx, "the CPU has no execute-disable bit");
    expect_fault(ctx, "call through the R alias", call_it, nx + off, CODE_FAULT);
}
NOVA_PROBE("ctrl_pd.host_exec_permission", exec);

static void physical(struct nova_probe_ctx *ctx)
{
    /* From the NOVA host space, selectors are physical frames and the MAD
     * gives the attributes: the frame at ROOT start holds our ELF header. */
    uint64_t pa = nova_rt.hip->root_start, va = nova_va_scratch(1);
    if (pa & 0xFFF)
        FAIL_RETURN(ctx, "ROOT start 0x%lx is not page-aligned", (unsigned long)pa);
    if (!nova_expect_status(ctx, "ctrl_pd NOVA host -> root host",
                            nova_ctrl_pd(NOVA_HST, ROOT_HST, pa >> 12, 0, va >> 12, NOVA_PERM_MEM_R, MAD_GOOD),
                            NOVA_SUCCESS))
        return;
    const volatile uint8_t *p = (const volatile uint8_t *)(uintptr_t)va;
    for (unsigned i = 0; i < 64; i++)
        if (p[i] != (uint8_t)__image_start[i])
            FAIL_RETURN(ctx, "byte %u of ROOT start differs from the image", i);
}
NOVA_PROBE("ctrl_pd.nova_host_physical", physical);

static void bad_mad(struct nova_probe_ctx *ctx)
{
    /* Reserved MAD encodings are refused when the MAD applies. */
    uint64_t pa = nova_rt.hip->root_start;
#if defined(__x86_64__)
    const uint32_t bad[] = {5, 6, 7};
    unsigned n = 3;
    uint32_t extra = nova_rt.hip->ki_max < NOVA_MAD_X86_KI_MAX
                         ? nova_mad_x86(NOVA_MAD_X86_WB, nova_rt.hip->ki_max + 1u) : 0;
#else
    const uint32_t bad[] = {nova_mad_arm(NOVA_MAD_ARM_CA_RESERVED, NOVA_MAD_ARM_SH_INNER),
                            nova_mad_arm(NOVA_MAD_ARM_MEM_WB, NOVA_MAD_ARM_SH_RESERVED)};
    unsigned n = 2;
    uint32_t extra = 0;
#endif
    for (unsigned i = 0; i <= n; i++) {
        uint32_t mad = i < n ? bad[i] : extra;
        if (i == n && !extra)
            break;
        unsigned s = nova_ctrl_pd(NOVA_HST, ROOT_HST, pa >> 12, 0, nova_va_scratch(1) >> 12,
                                  NOVA_PERM_MEM_R, mad);
        if (s != NOVA_BAD_PAR)
            nova_fail(ctx, "MAD 0x%x: expected=BAD_PAR got=%s", mad, nova_status_name(s));
    }
}
NOVA_PROBE("ctrl_pd.bad_par_mad", bad_mad);

static void mad_ignored(struct nova_probe_ctx *ctx)
{
    /* From any other host space the MAD is ignored (attributes inherited). */
#if defined(__x86_64__)
    uint32_t mad = 7;
#else
    uint32_t mad = NOVA_MAD_ARM_CA_RESERVED;
#endif
    uint64_t va;
    if (nova_expect_status(ctx, "root host -> root host with a reserved MAD",
                           alias(&va, NOVA_PERM_MEM_R, mad), NOVA_SUCCESS))
        peek((void *)(uintptr_t)va);
}
NOVA_PROBE("ctrl_pd.mad_ignored_other_host", mad_ignored);
