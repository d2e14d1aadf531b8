/* ipc_call / ipc_reply (spec 4.4, 4.5, 3.2, 6.4) between the root and
 * local ECs of the root PD or of a child PD. */
#include "util.h"
#include "libnova/child.h"
#include "libnova/monitor.h"
#include "libnova/string.h"
#include "libnova/try.h"

#define SENTINEL 0x5e5e5e5e5e5e5e5eull

/* What the handler saw on its last entry, and how it replies. */
static struct {
    uint64_t pid;
    uint32_t mtd;
    uint64_t word[4];
    unsigned bad_words;         /* words that differ from the expected pattern */
    uintptr_t frame;
    unsigned reply_words;
    uint32_t reply_mtd;
    unsigned status;            /* of a hypercall the handler made */
} seen;

static uint64_t pattern(unsigned i, uint64_t seed)
{
    return seed ^ ((uint64_t)i * 0x9e3779b97f4a7c15ull);
}

/* Records the message, checks a full pattern if one was sent, replies
 * reply_words of ~pattern and leaves SENTINEL in the rest of its UTCB. */
static uint32_t recorder(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    uint64_t *w = ec->utcb->word;
    seen.pid = pid;
    seen.mtd = mtd;
    seen.frame = (uintptr_t)__builtin_frame_address(0);
    for (unsigned i = 0; i < 4; i++)
        seen.word[i] = w[i];
    seen.bad_words = 0;
    for (unsigned i = 0; i < nova_mtd_count(mtd); i++)
        seen.bad_words += w[i] != pattern(i, 1);
    for (unsigned i = 0; i < NOVA_UTCB_WORDS; i++)
        w[i] = i < seen.reply_words ? ~pattern(i, 1) : SENTINEL;
    return seen.reply_mtd;
}

static void fill(struct nova_utcb *u, unsigned n, uint64_t seed)
{
    for (unsigned i = 0; i < NOVA_UTCB_WORDS; i++)
        u->word[i] = i < n ? pattern(i, seed) : SENTINEL - 1;
}

static bool setup(struct nova_probe_ctx *ctx, struct nova_ec **ec, nova_sel *pt, uint64_t pid)
{
    seen = (typeof(seen)){.reply_words = 1};
    unsigned s = local_portal(ec, pt, recorder, 0, pid);
    if (!nova_expect_status(ctx, "local EC and portal (setup)", s, NOVA_SUCCESS))
        return false;
    fill((*ec)->utcb, NOVA_UTCB_WORDS, 7);      /* before its first message */
    return true;
}

static void one_word(struct nova_probe_ctx *ctx)
{
    /* mtd = 0 still moves one word, and only one, each way. */
    struct nova_ec *ec;
    nova_sel pt;
    if (!setup(ctx, &ec, &pt, 0))
        return;
    struct nova_utcb *u = nova_rt.utcb;
    fill(u, 2, 1);
    uint32_t mtd = 0;
    if (!nova_expect_status(ctx, "ipc_call mtd=0", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        return;
    nova_expect_eq(ctx, "callee word 0", seen.word[0], pattern(0, 1));
    nova_expect_eq(ctx, "callee word 1 (not sent)", seen.word[1], pattern(1, 7));
    nova_expect_eq(ctx, "caller word 0 (reply)", u->word[0], ~pattern(0, 1));
    nova_expect_eq(ctx, "caller word 1 (not replied)", u->word[1], pattern(1, 1));
    nova_expect_eq(ctx, "reply mtd", mtd, 0);
}
NOVA_PROBE("ipc_call.mtd0_one_word", one_word);

static void all_words(struct nova_probe_ctx *ctx)
{
    /* 0x1FF moves all 512 words in both directions. */
    struct nova_ec *ec;
    nova_sel pt;
    if (!setup(ctx, &ec, &pt, 0))
        return;
    seen.reply_words = NOVA_UTCB_WORDS;
    seen.reply_mtd = nova_mtd_words(NOVA_UTCB_WORDS);
    struct nova_utcb *u = nova_rt.utcb;
    fill(u, NOVA_UTCB_WORDS, 1);
    uint32_t mtd = nova_mtd_words(NOVA_UTCB_WORDS);
    if (!nova_expect_status(ctx, "ipc_call mtd=0x1ff", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        return;
    nova_expect_eq(ctx, "words the callee got wrong", seen.bad_words, 0);
    unsigned bad = 0;
    for (unsigned i = 0; i < NOVA_UTCB_WORDS; i++)
        bad += u->word[i] != ~pattern(i, 1);
    nova_expect_eq(ctx, "reply words wrong", bad, 0);
    nova_expect_eq(ctx, "reply mtd", mtd, 0x1FF);
}
NOVA_PROBE("ipc_call.multi_word", all_words);

static void ignored_bits(struct nova_probe_ctx *ctx)
{
    /* MTD bits 31..9 are ignored: 0xFFFFFE02 moves 3 words. */
    struct nova_ec *ec;
    nova_sel pt;
    if (!setup(ctx, &ec, &pt, 0))
        return;
    fill(nova_rt.utcb, 4, 1);
    uint32_t mtd = 0xFFFFFE02u;
    if (!nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        return;
    nova_expect_eq(ctx, "callee word 2", seen.word[2], pattern(2, 1));
    nova_expect_eq(ctx, "callee word 3 (not sent)", seen.word[3], pattern(3, 7));
}
NOVA_PROBE("ipc_call.mtd_ignored_bits", ignored_bits);

static void entry_regs(struct nova_probe_ctx *ctx)
{
    /* The handler gets the portal's PID (full width, set by ctrl_pt) in
     * the first register and the caller's MTD in the second; the caller
     * gets the reply MTD back. */
    struct nova_ec *ec;
    nova_sel pt;
    if (!setup(ctx, &ec, &pt, 0xFEDCBA9876543210ull))
        return;
    seen.reply_mtd = 3;
    seen.reply_words = 4;
    fill(nova_rt.utcb, 6, 1);
    uint32_t mtd = 5;
    if (!nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        return;
    nova_expect_eq(ctx, "PID", seen.pid, 0xFEDCBA9876543210ull);
    nova_expect_eq(ctx, "MTD at the callee", seen.mtd, 5);
    nova_expect_eq(ctx, "reply MTD at the caller", mtd, 3);
}
NOVA_PROBE("ipc_call.pid_mtd_delivery", entry_regs);

static void stable_sp(struct nova_probe_ctx *ctx)
{
    /* A handler re-enters with the SP of its last ipc_reply (6.4). */
    struct nova_ec *ec;
    nova_sel pt;
    if (!setup(ctx, &ec, &pt, 0))
        return;
    uintptr_t frame[3];
    for (int i = 0; i < 3; i++) {
        uint32_t mtd = 0;
        if (!nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
            return;
        frame[i] = seen.frame;
    }
    if (frame[0] != frame[1] || frame[1] != frame[2])
        nova_fail(ctx, "handler frames 0x%lx 0x%lx 0x%lx differ", (unsigned long)frame[0],
                  (unsigned long)frame[1], (unsigned long)frame[2]);
    if (ec->calls != 3)
        nova_fail(ctx, "handler ran %u times, expected 3", ec->calls);
}
NOVA_PROBE("ipc_reply.handler_sp_stable", stable_sp);

static void bad_cap(struct nova_probe_ctx *ctx)
{
    struct nova_ec *ec;
    nova_sel pt;
    if (!setup(ctx, &ec, &pt, 0))
        return;
    nova_sel no_call = cap_copy(ctx, pt, NOVA_PERM_PT_ALL & ~NOVA_PERM_PT_CALL);
    nova_sel sm = sm_new(ctx, 0);
    if (!no_call || !sm)
        return;
    uint32_t mtd = 0;
    nova_expect_status(ctx, "pt = CAP0", nova_ipc_call(nova_sel_alloc(0), 0, &mtd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pt = an SM", nova_ipc_call(sm, 0, &mtd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pt = an EC", nova_ipc_call(ec->sel, 0, &mtd), NOVA_BAD_CAP);
    nova_expect_status(ctx, "pt without CALL", nova_ipc_call(no_call, 0, &mtd), NOVA_BAD_CAP);
    nova_expect_eq(ctx, "handler runs", ec->calls, 0);
    nova_expect_status(ctx, "pt with CALL", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS);
}
NOVA_PROBE("ipc_call.bad_cap", bad_cap);

/* Calls its own portal (ec->arg) with T=1 while it is busy serving. */
static uint32_t self_caller(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid, (void)mtd;
    uint32_t m = 0;
    seen.status = nova_ipc_call((nova_sel)(uintptr_t)ec->arg, NOVA_IPC_CALL_T, &m);
    return 0;
}

static void timeout_busy(struct nova_probe_ctx *ctx)
{
    /* T=1 fails at once with TIMEOUT when the callee is busy with an
     * earlier call (here: the one it is serving). */
    struct nova_ec *ec;
    nova_sel pt;
    seen.status = 0xFF;
    unsigned s = local_portal(&ec, &pt, self_caller, 0, 0);
    if (!nova_expect_status(ctx, "setup", s, NOVA_SUCCESS))
        return;
    ec->arg = (void *)(uintptr_t)pt;
    uint32_t mtd = 0;
    if (nova_expect_status(ctx, "outer ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        nova_expect_status(ctx, "inner ipc_call T=1 to the busy EC", seen.status, NOVA_TIMEOUT);
}
NOVA_PROBE("ipc_call.timeout_busy", timeout_busy);

static uint32_t faulter(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)ec, (void)pid, (void)mtd;
    nova_raise_ud();
    return 0;
}

static void aborted(struct nova_probe_ctx *ctx)
{
    /* A callee that dies (its exception reply is POISON, 3.4/3.7) aborts
     * the call in progress and every later one. */
    if (!nova_monitor_active())
        FAIL_RETURN(ctx, "needs the root monitor (its setup failed)");
    struct nova_ec *ec;
    nova_sel pt;
    unsigned s = local_portal(&ec, &pt, faulter, 0, 0);
    if (!nova_expect_status(ctx, "setup", s, NOVA_SUCCESS))
        return;
    unsigned kills = nova_monitor_kills;
    uint32_t mtd = 0;
    nova_expect_status(ctx, "call into a callee that dies", nova_ipc_call(pt, 0, &mtd), NOVA_ABORTED);
    nova_expect_eq(ctx, "ECs killed by the monitor", nova_monitor_kills - kills, 1);
    nova_expect_status(ctx, "call to the dead callee", nova_ipc_call(pt, 0, &mtd), NOVA_ABORTED);
}
NOVA_PROBE("ipc_call.aborted_dead_callee", aborted);

static void bad_cpu(struct nova_probe_ctx *ctx)
{
    /* The portal's EC must be on the caller's CPU. */
    if (nova_rt.hip->cpu_num < 2)
        SKIP_RETURN(ctx, "one CPU");
    struct nova_ec_attr a = {.cpu = nova_rt.cpu ? 0 : 1};
    struct nova_ec *ec;
    nova_sel pt;
    unsigned s = nova_ec_create(&ec, &a, recorder, 0, 0);
    if (!s)
        s = nova_pt_create(&pt, ec, 0, 0);
    if (!nova_expect_status(ctx, "EC and portal on another CPU", s, NOVA_SUCCESS))
        return;
    uint32_t mtd = 0;
    nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_BAD_CPU);
}
NOVA_PROBE("ipc_call.bad_cpu", bad_cpu);

/* Forwards the message to the portal in ec->arg and returns its reply. */
static uint32_t forwarder(struct nova_ec *ec, uint64_t pid, uint32_t mtd)
{
    (void)pid;
    uint32_t m = mtd;
    /* The message is in this EC's UTCB; a nested call sends from there. */
    seen.status = nova_ipc_call((nova_sel)(uintptr_t)ec->arg, 0, &m);
    return m;
}

static void nested(struct nova_probe_ctx *ctx)
{
    /* A callee may itself call (the donated SC moves on and back). */
    struct nova_ec *inner, *outer;
    nova_sel pt_inner, pt_outer;
    if (!setup(ctx, &inner, &pt_inner, 0x11))
        return;
    seen.reply_words = 2;
    seen.reply_mtd = 1;
    seen.status = 0xFF;
    unsigned s = local_portal(&outer, &pt_outer, forwarder, (void *)(uintptr_t)pt_inner, 0);
    if (!nova_expect_status(ctx, "setup", s, NOVA_SUCCESS))
        return;
    fill(nova_rt.utcb, 2, 1);
    uint32_t mtd = 1;
    if (!nova_expect_status(ctx, "outer ipc_call", nova_ipc_call(pt_outer, 0, &mtd), NOVA_SUCCESS))
        return;
    nova_expect_status(ctx, "inner ipc_call", seen.status, NOVA_SUCCESS);
    nova_expect_eq(ctx, "inner PID", seen.pid, 0x11);
    nova_expect_eq(ctx, "words at the inner callee wrong", seen.bad_words, 0);
    nova_expect_eq(ctx, "reply word 1 through both", nova_rt.utcb->word[1], ~pattern(1, 1));
}
NOVA_PROBE("ipc_call.nested", nested);

static void cross_pd(struct nova_probe_ctx *ctx)
{
    /* The callee lives in another PD (sharing the image's frames). */
    struct nova_child c;
    if (!nova_expect_status(ctx, "child PD with the image (setup)", nova_child_create_with_image(&c),
                            NOVA_SUCCESS))
        return;
    seen = (typeof(seen)){.reply_words = 8, .reply_mtd = 7};
    struct nova_ec *ec;
    nova_sel pt;
    unsigned s = nova_child_portal(&c, recorder, 0x22, &ec, &pt);
    if (!nova_expect_status(ctx, "EC and portal in the child", s, NOVA_SUCCESS))
        return;
    fill(nova_rt.utcb, 8, 1);
    uint32_t mtd = 7;
    if (!nova_expect_status(ctx, "ipc_call", nova_ipc_call(pt, 0, &mtd), NOVA_SUCCESS))
        return;
    nova_expect_eq(ctx, "PID", seen.pid, 0x22);
    nova_expect_eq(ctx, "words at the callee wrong", seen.bad_words, 0);
    nova_expect_eq(ctx, "reply word 7", nova_rt.utcb->word[7], ~pattern(7, 1));
    nova_expect_eq(ctx, "reply word 8 (not replied)", nova_rt.utcb->word[8], SENTINEL - 1);
}
NOVA_PROBE("ipc_call.cross_pd", cross_pd);
