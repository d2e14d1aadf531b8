/* Chunking for ctrl_pd ranges. */
#include "libnova/delegate.h"
#include "libnova/hc.h"
#include "libnova/layout.h"
#include "libnova/rt.h"

unsigned nova_delegate_range(nova_sel src, nova_sel dst, uint64_t ssb, uint64_t dsb,
                             uint64_t count, unsigned pmm, uint32_t mad, unsigned max_ord)
{
    while (count) {
        unsigned ord = 0;
        while (ord < max_ord) {
            uint64_t next = (uint64_t)1 << (ord + 1);
            if (((ssb | dsb) & (next - 1)) || next > count)
                break;
            ord++;
        }
        unsigned s = nova_ctrl_pd(src, dst, ssb, ord, dsb, pmm, mad);
        if (s)
            return s;
        ssb += (uint64_t)1 << ord;
        dsb += (uint64_t)1 << ord;
        count -= (uint64_t)1 << ord;
    }
    return 0;
}

unsigned nova_revoke_obj(nova_sel base, uint64_t count)
{
    /* The source walks the empty block with the same alignment as base. */
    unsigned first = 0;
    uint64_t span = (uint64_t)1 << NOVA_LIB_SEL_NULL_ORD;
    while (count) {
        uint64_t n = span - (base & (span - 1));
        if (n > count)
            n = count;
        unsigned s = nova_delegate_range(nova_rt.root_obj, nova_rt.root_obj,
                                         NOVA_LIB_SEL_NULL + (base & (span - 1)), base, n, 0, 0,
                                         NOVA_LIB_SEL_NULL_ORD);
        if (s && !first)
            first = s;
        base += n;
        count -= n;
    }
    return first;
}
