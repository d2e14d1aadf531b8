/* The ctrl_pd sequences that give the root its devices. */
#include "libnova/boot.h"
#include "libnova/hc.h"
#include "libnova/layout.h"
#include "libnova/rt.h"
#include "nova/perm.h"

unsigned nova_boot_pull(nova_sel nova_idx, nova_sel dst)
{
    return nova_ctrl_pd(nova_rt.nova_obj, nova_rt.root_obj, nova_idx, 0, dst, NOVA_PERM_BITS, 0);
}

unsigned nova_boot_spaces(void)
{
    uint64_t n = nova_rt.sel_num;
    const struct { nova_sel from, to; } pulls[] = {
        {NOVA_SEL_NOVA_HST(n), NOVA_LIB_SEL_NOVA_HST},
        {NOVA_SEL_ROOT_HST(n), NOVA_LIB_SEL_ROOT_HST},
#if defined(__x86_64__)
        {NOVA_SEL_NOVA_PIO(n), NOVA_LIB_SEL_NOVA_PIO},
        {NOVA_SEL_ROOT_PIO(n), NOVA_LIB_SEL_ROOT_PIO},
        {NOVA_SEL_NOVA_MSR(n), NOVA_LIB_SEL_NOVA_MSR},
#endif
    };
    unsigned first = 0;
    for (unsigned i = 0; i < sizeof pulls / sizeof pulls[0]; i++) {
        unsigned s = nova_boot_pull(pulls[i].from, pulls[i].to);
        if (s && !first)
            first = s;
    }
    return first;
}

unsigned nova_boot_ports(uint16_t port, unsigned ord)
{
    /* PIO delegations need ssb == dsb (spec 4.11). */
    return nova_ctrl_pd(NOVA_LIB_SEL_NOVA_PIO, NOVA_LIB_SEL_ROOT_PIO, port, ord, port,
                        NOVA_PERM_PIO_A, 0);
}

unsigned nova_boot_map_phys(uint64_t pa, uint64_t va, unsigned ord, unsigned pmm, uint32_t mad)
{
    return nova_ctrl_pd(NOVA_LIB_SEL_NOVA_HST, NOVA_LIB_SEL_ROOT_HST, pa >> 12, ord, va >> 12,
                        pmm, mad);
}
