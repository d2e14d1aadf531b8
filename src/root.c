/* The root PD: its ELF mapped in place from the boot module, the HIP and
 * its UTCB at the top of the user range, the initial capabilities, and
 * the root EC on the root SC at priority 127. */
#include "root.h"
#include "arch_ec.h"
#include "elf_load.h"
#include "hip.h"
#include "kmem.h"
#include "panic.h"
#include "pd.h"
#include "sc.h"
#include "intr.h"
#include "sched.h"
#include "sm.h"
#include "console.h"
#include "sys_util.h"

#define HIP_VA (HPT_USER_END - 0x1000)
#define UTCB_VA (HPT_USER_END - 0x2000)

static void must(enum status st, const char *what)
{
    if (st != SUCCESS)
        panic("root: cannot create %s (status %u)", what, st);
}

static void put(struct space_obj *s, uint64_t sel, struct kobj *o, unsigned perms, const char *what)
{
    if (!o)
        panic("root: out of kernel memory creating %s", what);
    must(space_obj_store(s, sel, cap_make(o, perms)), what);
}

/* The kernel's PD with the NOVA object, host, PIO and MSR spaces. */
static struct space_obj *nova_spaces(struct kobj *spc[4])
{
    static struct pd nova;
    nova.hdr = (struct kobj){.type = KOBJ_PD, .refs = 1};
    nova.quota.limit = ~0ull;
    nova_pd = &nova;
    struct space_obj *obj = space_obj_create(nova_pd);
    spc[0] = &obj->hdr;
    spc[1] = (struct kobj *)space_hst_create(nova_pd, true);
    spc[2] = arch_has_pio ? (struct kobj *)space_pio_create(nova_pd, true) : 0;
    spc[3] = arch_has_pio ? (struct kobj *)space_msr_create(nova_pd, true) : 0;
    if (!obj || !spc[1] || (arch_has_pio && (!spc[2] || !spc[3])))
        panic("root: out of kernel memory for the NOVA spaces");
    nova.obj = obj;
    nova.hst = (struct space_hst *)spc[1];
    return obj;
}

void root_launch(const struct bootinfo *bi)
{
    if (!bi->mod_count)
        panic("root: no root module was loaded");
    struct kobj *nova[4];
    struct space_obj *nova_obj = nova_spaces(nova);
    arch_int_init();                  /* before the HIP counts MSIs and root's quota is cut */

    root_pd = pd_create(nova_pd, kmem.free_frames * FRAME_SIZE);
    struct space_obj *obj = root_pd ? space_obj_create(root_pd) : 0;
    struct space_hst *hst = root_pd ? space_hst_create(root_pd, false) : 0;
    struct space_pio *pio = root_pd && arch_has_pio ? space_pio_create(root_pd, false) : 0;
    if (!obj || !hst || (arch_has_pio && !pio))
        panic("root: out of kernel memory for the root PD");
    pd_attach(root_pd, &obj->hdr);
    pd_attach(root_pd, &hst->hdr);
    if (pio)
        pd_attach(root_pd, &pio->hdr);

    const struct boot_module *m = &bi->mod[0];
    const char *err = elf_map_root(m->start, m->end - m->start, &hst->hpt, &root_pd->quota);
    if (err)
        panic("root: %s", err);

    struct hip *hip = kmem_alloc(&nova_pd->quota, 0);
    if (!hip)
        panic("root: out of kernel memory for the HIP");
    hip_build(hip, bi);
    struct hpt_entry he = {kmem_phys(hip), MEM_R, 0, true};
    if (!hpt_set(&hst->hpt, &root_pd->quota, HIP_VA, &he))
        panic("root: cannot map the HIP");

    enum status st;
    struct ec *ec = ec_create(root_pd, root_pd, EC_GLOBAL, EC_FPU, 0, UTCB_VA, HIP_VA, 0, &st);
    must(st, "the root EC");
    uregs_init(&ec->regs, elf_entry(m->start), HIP_VA);
    for (unsigned i = 0; i < 3; i++)
        *uregs_param(&ec->regs, i) = bi->boot_args[i];    /* x86: RDI, RSI, RDX */
    ec->cont = ec_ret_exception;
    struct sc *sc = sc_create(root_pd, ec, 0, 127, 1000);

    /* Root object space (interface §5.6). */
    put(obj, SEL_NUM - 1, nova[0], PERM_SPACE_TAKE, "the NOVA object space cap");
    put(obj, SEL_NUM - 2, &obj->hdr, PERMS_OBJ_HST, "the root object space cap");
    put(obj, SEL_NUM - 3, &root_pd->hdr, PERMS_PD, "the root PD cap");
    put(obj, SEL_NUM - 4, &ec->hdr, PERMS_EC, "the root EC cap");
    put(obj, SEL_NUM - 5, (struct kobj *)sc, PERMS_SC, "the root SC cap");

    /* NOVA object space (interface §5.5). */
    put(nova_obj, SEL_NUM - 1, (struct kobj *)sm_create(nova_pd, 0), PERMS_SM, "the console SM");
    put(nova_obj, SEL_NUM - 2, nova[0], PERM_SPACE_TAKE, "the NOVA object space cap");
    put(nova_obj, SEL_NUM - 3, nova[1], PERM_SPACE_TAKE, "the NOVA host space cap");
    if (arch_has_pio) {
        put(nova_obj, SEL_NUM - 4, nova[2], PERM_SPACE_TAKE, "the NOVA PIO space cap");
        put(nova_obj, SEL_NUM - 5, nova[3], PERM_SPACE_TAKE, "the NOVA MSR space cap");
        put(nova_obj, SEL_NUM - 8, &pio->hdr, PERMS_PIO_MSR, "the root PIO space cap");
    }
    put(nova_obj, SEL_NUM - 6, &obj->hdr, PERMS_OBJ_HST, "the root object space cap");
    put(nova_obj, SEL_NUM - 7, &hst->hdr, PERMS_OBJ_HST, "the root host space cap");
    put(nova_obj, SEL_NUM - 9, &root_pd->hdr, PERMS_PD, "the root PD cap");
    intr_init();
    for (unsigned cpu = 0; cpu < cpu_count; cpu++)
        put(nova_obj, cpu, (struct kobj *)sc_create(nova_pd, 0, cpu, 0, 1000), PERMS_SC,
            "an idle SC");

    kprintf("root: entering the root task at 0x%lx\n", (unsigned long)elf_entry(m->start));
    sched_ready(sc);
    sched_dispatch();
}
