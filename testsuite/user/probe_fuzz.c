/* Hypercall fuzzing: every hypercall validates every argument (spec 4.2,
 * 4.3). An EC of a child PD issues thousands of hypercalls with random
 * flags and registers, biased towards the capabilities it holds, and
 * checks that each status is one the spec lists for that hypercall. The
 * kernel must not crash or hang (a missing CASE line fails the run).
 *
 * The fuzzer's object space holds only a sandbox PD and its spaces, the
 * child's own host space as a read-only source (TAKE) and two SMs, so
 * what it creates or delegates cannot touch the code it runs: new ECs live
 * in the sandbox, whose object space starts empty (their events find no
 * portal and kill them). Left out: ipc_reply (it would end the fuzzer's
 * own portal call) and downs without a timeout (a legitimate hang). The
 * sequence comes from a fixed seed, so a failure repeats. */
#include "util.h"
#include "libnova/child.h"
#include "libnova/delegate.h"
#include "libnova/console.h"
#include "libnova/fmt.h"
#include "libnova/hc_raw.h"
#include "libnova/timing.h"
#include "nova/hypercall.h"
#include "nova/pack.h"
#include "nova/scd.h"
#include "nova/perm.h"

enum {
    CALLS = 20000,
    SLOTS = 512,              /* selectors the fuzzer mostly draws from */
    SEL_SANDBOX_PD = 1, SEL_SANDBOX_OBJ, SEL_SANDBOX_HST, SEL_OWN_HST, SEL_SANDBOX_PIO,
    SEL_SM_A, SEL_SM_B,
};

#define S(x) (1u << NOVA_##x)
/* The statuses spec 4.4-4.18 list per hypercall, as seen from a PD other
 * than the root (ctrl_hw and assign_dev: BAD_HYP). */
static const uint16_t allowed[16] = {
    [NOVA_HC_IPC_CALL] = S(SUCCESS) | S(BAD_CAP) | S(BAD_CPU) | S(TIMEOUT) | S(ABORTED),
    [NOVA_HC_CREATE_PD] = S(SUCCESS) | S(ABORTED) | S(BAD_CAP) | S(BAD_PAR) | S(BAD_FTR) |
                          S(MEM_OBJ) | S(MEM_CAP),
    [NOVA_HC_CREATE_EC] = S(SUCCESS) | S(ABORTED) | S(BAD_CAP) | S(BAD_CPU) | S(BAD_FTR) |
                          S(BAD_PAR) | S(MEM_OBJ) | S(MEM_CAP),
    [NOVA_HC_CREATE_SC] = S(SUCCESS) | S(ABORTED) | S(BAD_CAP) | S(BAD_PAR) | S(MEM_OBJ) | S(MEM_CAP),
    [NOVA_HC_CREATE_PT] = S(SUCCESS) | S(ABORTED) | S(BAD_CAP) | S(MEM_OBJ) | S(MEM_CAP),
    [NOVA_HC_CREATE_SM] = S(SUCCESS) | S(BAD_CAP) | S(MEM_OBJ) | S(MEM_CAP),
    [NOVA_HC_CTRL_PD] = S(SUCCESS) | S(BAD_CAP) | S(BAD_PAR) | S(MEM_CAP),
    [NOVA_HC_CTRL_EC] = S(SUCCESS) | S(BAD_CAP),
    [NOVA_HC_CTRL_SC] = S(SUCCESS) | S(BAD_CAP),
    [NOVA_HC_CTRL_PT] = S(SUCCESS) | S(BAD_CAP),
    [NOVA_HC_CTRL_SM] = S(SUCCESS) | S(TIMEOUT) | S(OVRFLOW) | S(BAD_CAP) | S(BAD_CPU),
    [NOVA_HC_CTRL_HW] = S(BAD_HYP),
    [NOVA_HC_ASSIGN_INT] = S(BAD_CAP) | S(BAD_CPU),  /* it holds no interrupt SM */
    [NOVA_HC_ASSIGN_DEV] = S(BAD_HYP),
    [NOVA_HC_RESERVED] = S(BAD_HYP),
};
#undef S

/* Results, written by the fuzzer in the child (the image is shared). */
static struct {
    unsigned calls, unexpected;
    struct nova_regs first_bad;       /* the registers of the first offender */
    unsigned first_bad_status;
    unsigned seen[16][16];            /* [hypercall][status] */
} fuzz;

static uint64_t rng;
static uint64_t sel_num;              /* the HIP is not mapped in the child */
static unsigned cpus, home_cpu;
/* Leak mode: only what dies with its capabilities may be made (no
 * delegation into the sandbox's spaces, no spaces attached to it, ECs on
 * this CPU with UTCBs in one 2 MiB block whose page tables exist before). */
static bool leak_mode;
#define LEAK_UTCB_BLOCK 0x40000000ull

static uint64_t next(void)
{
    rng ^= rng << 13;                 /* xorshift64 */
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A selector: mostly one of the first slots (held capabilities, created
 * objects), sometimes an edge or any value. */
static uint64_t selector(void)
{
    uint64_t r = next();
    switch (r % 10) {
    case 0: return next();
    case 1: return sel_num - 1 + (r >> 8) % 3;
    default: return (r >> 8) % SLOTS;
    }
}

/* Any other parameter: small numbers, edges, or any value. */
static uint64_t value(void)
{
    uint64_t r = next();
    switch (r % 6) {
    case 0: return 0;
    case 1: return (r >> 8) % 8;
    case 2: return ~0ull >> ((r >> 8) % 64);
    case 3: return selector();
    default: return next();
    }
}

/* Selectors where create_* succeeded, by hypercall number. */
static uint64_t made[NOVA_HC_CREATE_SM + 1][32];
static unsigned made_count[NOVA_HC_CREATE_SM + 1];

static void remember(unsigned num, uint64_t sel)
{
    made[num][made_count[num]++ % 32] = sel;
}

/* An object made by create call num, if there is one. */
static uint64_t object(unsigned num)
{
    unsigned n = made_count[num] < 32 ? made_count[num] : 32;
    return n && next() % 8 ? made[num][next() % n] : selector();
}

/* A well-formed choice most of the time, anything now and then. */
static uint64_t mostly(uint64_t good) { return next() % 8 ? good : value(); }

static uint64_t owner(void) { return mostly(SEL_SANDBOX_PD); }

static uint64_t space(void)
{
    static const uint64_t spaces[] = {SEL_SANDBOX_OBJ, SEL_SANDBOX_HST, SEL_OWN_HST, SEL_SANDBOX_PIO};
    return mostly(spaces[next() % 4]);
}

/* A selector base for ctrl_pd: object slots, pages of the (shared) image,
 * or ports. */
static uint64_t base(void)
{
    uint64_t r = next();
    switch (r % 3) {
    case 0: return (r >> 8) % SLOTS;
    case 1: return ((uintptr_t)__image_start >> 12) + (r >> 8) % 64;
    default: return mostly((r >> 8) % 0x10000);
    }
}

/* Registers 1..4 shaped like the hypercall's parameters (spec 6.1). */
static void shape(unsigned num, struct nova_regs *regs)
{
    uint64_t *p = regs->p, r = next();
    switch (num) {
    case NOVA_HC_CREATE_PD:
        regs->p[0] = nova_hc_p0(num, leak_mode ? 0 : (unsigned)mostly(r >> 8 & 7), regs->p[0] >> 8);
        p[1] = owner();
        break;
    case NOVA_HC_CREATE_SM:
        p[1] = owner();
        break;
    case NOVA_HC_CREATE_EC:
        p[1] = owner();
        if (leak_mode)
            p[2] = nova_pack_hvp_cpu(LEAK_UTCB_BLOCK + (r >> 16 & 0x1FF) * 4096, r % 8 ? home_cpu : cpus);
        else
            p[2] = mostly(nova_pack_hvp_cpu((r >> 16 & 0xFFFFF) << 12, (unsigned)(r % 8 ? r % cpus : cpus)));
        p[4] = selector();
        break;
    case NOVA_HC_CREATE_SC:
        p[1] = owner();
        p[2] = object(NOVA_HC_CREATE_EC);
        p[3] = mostly(nova_scd((unsigned)(r >> 8) % 4, (unsigned)(r >> 16) % 130, 0));
        break;
    case NOVA_HC_CREATE_PT:
        p[1] = owner();
        p[2] = object(NOVA_HC_CREATE_EC);
        break;
    case NOVA_HC_CTRL_PD: {
        unsigned ord = (unsigned)(r >> 8) % 6;
        uint64_t align = ~((1ull << ord) - 1);
        regs->p[0] = nova_hc_p0(NOVA_HC_CTRL_PD, 0, space());
        p[1] = space();
        p[2] = mostly(nova_pack_ssb_ord(base() & align, ord));
        p[3] = mostly(nova_pack_dsb_pmm(base() & align, (unsigned)(r >> 16)));
        break;
    }
    case NOVA_HC_IPC_CALL: case NOVA_HC_CTRL_PT:
        regs->p[0] = nova_hc_p0(num, (unsigned)(regs->p[0] >> 4 & 15), object(NOVA_HC_CREATE_PT));
        break;
    case NOVA_HC_CTRL_SC:
        regs->p[0] = nova_hc_p0(num, 0, object(NOVA_HC_CREATE_SC));
        break;
    case NOVA_HC_CTRL_EC:
        regs->p[0] = nova_hc_p0(num, (unsigned)(regs->p[0] >> 4 & 15), object(NOVA_HC_CREATE_EC));
        break;
    case NOVA_HC_CTRL_SM:
        regs->p[0] = nova_hc_p0(num, (unsigned)(regs->p[0] >> 4 & 15), object(NOVA_HC_CREATE_SM));
        if (regs->p[0] >> 4 & NOVA_CTRL_SM_D)     /* a short wait at most */
            p[1] = r & 1 ? STC_PAST : nova_stc() + (r >> 40) % 4096;
        break;
    case NOVA_HC_ASSIGN_INT:
        p[1] = mostly((r >> 8) % (cpus + 2));
        break;
    }
}

static void one_call(void)
{
    uint64_t r = next();
    unsigned num = r % 16, flags = (r >> 4) % 16;
    if (num == NOVA_HC_IPC_REPLY)
        num = NOVA_HC_RESERVED;
    struct nova_regs regs = {{nova_hc_p0(num, flags, selector()), value(), value(), value(), value()}};
    shape(num, &regs);
    struct nova_regs in = regs;
    unsigned s = nova_hc_regs(&regs);
    fuzz.calls++;
    if (s == NOVA_SUCCESS && num >= NOVA_HC_CREATE_PD && num <= NOVA_HC_CREATE_SM)
        remember(num, in.p[0] >> 8);
    fuzz.seen[num][s & 15]++;
    if (s > 15 || !(allowed[num] & 1u << s)) {
        if (!fuzz.unexpected++) {
            fuzz.first_bad = in;
            fuzz.first_bad_status = s;
        }
    }
}

static uint32_t fuzzer(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)pid, (void)mtd;
    for (unsigned i = 0; i < CALLS; i++)
        one_call();
    return 0;
}

/* Root slot src into the child's object space at dst with pmm. */
static unsigned give(const struct nova_child *c, nova_sel src, nova_sel dst, unsigned pmm)
{
    return nova_ctrl_pd(nova_rt.root_obj, c->obj, src, 0, dst, pmm, 0);
}

struct fuzz_run {
    struct nova_child child, sandbox;
    struct nova_ec *ec;
    nova_sel pt, sm_a, sm_b;
};

/* The child with the fuzzer's EC and portal, the sandbox and what the
 * fuzzer's object space holds. In leak mode the sandbox's spaces are
 * sources only. */
static unsigned fuzz_setup(struct nova_probe_ctx *ctx, struct fuzz_run *f)
{
    unsigned sink = leak_mode ? NOVA_PERM_SPACE_TAKE : NOVA_PERM_BITS;
    unsigned s = nova_child_create_with_image(&f->child);
    if (!s)
        s = nova_child_create(&f->sandbox);
    f->sm_a = sm_new(ctx, 0);
    f->sm_b = sm_new(ctx, ~0ull);
    if (!f->sm_a || !f->sm_b)
        return NOVA_MEM_OBJ;
    const struct { nova_sel src, dst; unsigned pmm; } caps[] = {
        {f->sandbox.pd, SEL_SANDBOX_PD, NOVA_PERM_PD_ALL},
        {f->sandbox.obj, SEL_SANDBOX_OBJ, sink & NOVA_PERM_OBJ_ALL},
        {f->sandbox.hst, SEL_SANDBOX_HST, leak_mode ? 0 : NOVA_PERM_HST_ALL},
        {f->child.hst, SEL_OWN_HST, NOVA_PERM_SPACE_TAKE},
        {f->sandbox.pio, SEL_SANDBOX_PIO, sink & NOVA_PERM_PIO_ALL},
        {f->sm_a, SEL_SM_A, NOVA_PERM_SM_ALL},
        {f->sm_b, SEL_SM_B, NOVA_PERM_SM_ALL},
    };
    for (unsigned i = 0; i < sizeof caps / sizeof *caps; i++)
        if (!s && caps[i].src && caps[i].pmm)
            s = give(&f->child, caps[i].src, caps[i].dst, caps[i].pmm);
    if (!s)
        s = nova_child_portal(&f->child, fuzzer, 0, &f->ec, &f->pt);
    sel_num = nova_rt.hip->sel_num;
    cpus = nova_rt.hip->cpu_num;
    home_cpu = nova_rt.cpu;
    return s;
}

/* Runs the fuzzer (one portal call), prints the status histogram and
 * checks every status; false after a FAIL. */
static bool fuzz_go(struct nova_probe_ctx *ctx, struct fuzz_run *f, uint64_t seed)
{
    fuzz = (__typeof__(fuzz)){0};
    rng = seed;
    nova_printf("fuzz: seed 0x%lx, %u hypercalls from a child PD%s\n", (unsigned long)rng, CALLS,
                leak_mode ? " (leak mode)" : "");
    uint32_t mtd = 0;
    unsigned s = nova_ipc_call(f->pt, 0, &mtd);
    if (s != NOVA_SUCCESS) {
        nova_fail(ctx, "the fuzzer's portal call got %s after %u hypercalls", nova_status_name(s),
                  fuzz.calls);
        return false;
    }
    for (unsigned n = 0; n < 16; n++) {
        char line[160];
        unsigned len = 0;
        for (unsigned st = 0; st < 16; st++)
            if (fuzz.seen[n][st])
                len += nova_snprintf(line + len, sizeof line - len, " %s %u", nova_status_name(st),
                                     fuzz.seen[n][st]);
        nova_printf("fuzz: hypercall 0x%x:%s\n", n, len ? line : " -");
    }
    if (!nova_expect_eq(ctx, "calls made", fuzz.calls, CALLS))
        return false;
    if (fuzz.unexpected) {
        const struct nova_regs *r = &fuzz.first_bad;
        nova_fail(ctx, "%u statuses the spec does not list; first: %s for %lx %lx %lx %lx %lx",
                  fuzz.unexpected, nova_status_name(fuzz.first_bad_status), (unsigned long)r->p[0],
                  (unsigned long)r->p[1], (unsigned long)r->p[2], (unsigned long)r->p[3],
                  (unsigned long)r->p[4]);
        return false;
    }
    return true;
}

static void hypercall_fuzz(struct nova_probe_ctx *ctx)
{
    struct fuzz_run f;
    leak_mode = false;
    if (nova_expect_status(ctx, "child PD, sandbox PD, fuzzer EC and portal (setup)", fuzz_setup(ctx, &f),
                           NOVA_SUCCESS))
        fuzz_go(ctx, &f, 0x4e4f5641465a5a31ull);
}
NOVA_PROBE("hypercall.fuzz_child", hypercall_fuzz);

static void fuzz_no_leak(struct nova_probe_ctx *ctx)
{
    /* Everything the fuzzer made is owned by the sandbox and dies with the
     * fuzzer's object space: afterwards the sandbox's quota is as before. */
    struct fuzz_run f;
    leak_mode = true;
    nova_sel base = nova_sel_alloc(QUOTA_SMS_ORDER), warm = nova_sel_alloc(0);
    if (!base || !nova_expect_status(ctx, "setup", fuzz_setup(ctx, &f), NOVA_SUCCESS))
        return;
    /* The UTCB block's page tables, made once (a space keeps them). */
    if (!nova_expect_status(ctx, "an EC in the UTCB block (setup)",
                            nova_create_ec(warm, f.sandbox.pd, 0, LEAK_UTCB_BLOCK, home_cpu, 0, 0),
                            NOVA_SUCCESS))
        return;
    nova_revoke_obj(warm, 1);
    unsigned before = quota_in_sms(f.sandbox.pd, base);
    if (!before)
        SKIP_RETURN(ctx, "%u SMs did not exhaust a PD's quota", QUOTA_SMS_MAX);
    if (!fuzz_go(ctx, &f, 0x4c45414b4e4f5641ull))
        return;
    /* Drop the child: its object space, the fuzzer's EC and portal. */
    const nova_sel gone[] = {f.pt, f.ec->sel, f.child.pd, f.child.obj, f.child.hst, f.child.pio};
    for (unsigned i = 0; i < sizeof gone / sizeof *gone; i++)
        if (gone[i])
            nova_revoke_obj(gone[i], 1);
    unsigned after = quota_in_sms(f.sandbox.pd, base);
    nova_printf("fuzz: the sandbox PD can own %u SMs before and %u after\n", before, after);
    nova_expect_eq(ctx, "SMs the sandbox can own after the fuzzer is gone", after, before);
}
NOVA_PROBE("hypercall.fuzz_no_leak", fuzz_no_leak);
