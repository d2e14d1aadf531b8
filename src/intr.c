/* Interrupt semaphores: the SM objects and their routing state. */
#include "intr.h"
#include "ec.h"
#include "kmem.h"
#include "panic.h"
#include "pd.h"
#include "sm.h"
#include "sys_util.h"

enum { ASSIGN_M = 1, ASSIGN_T = 2, ASSIGN_P = 4 };

static struct sm **sms;
static unsigned count;

__attribute__((weak)) unsigned arch_int_msis(void) { return 0; }

__attribute__((weak)) bool arch_int_msi(unsigned index, unsigned cpu, bool masked,
                                        uint32_t *addr, uint16_t *data)
{
    (void)index, (void)cpu, (void)masked, (void)addr, (void)data;
    return false;
}

void intr_init(void)
{
    count = arch_int_pins() + arch_int_msis();
    if (!count)
        return;
    sms = kmem_alloc(&nova_pd->quota, 0);
    if (!sms || count > FRAME_SIZE / sizeof *sms)
        panic("intr: no room for %u interrupt semaphores", count);
    for (unsigned i = 0; i < count; i++) {
        struct sm *sm = sm_create(nova_pd, 0);
        if (!sm)
            panic("intr: out of kernel memory for interrupt semaphores");
        sm->interrupt = true;
        sm->index = i;
        sm->cpu = 0;
        sms[i] = sm;
        if (space_obj_store(nova_pd->obj, SEL_INT_SM_BASE + i, cap_make(&sm->hdr, PERMS_SM_INTERRUPT)))
            panic("intr: cannot publish interrupt semaphore %u", i);
    }
}

struct sm *intr_sm(unsigned index) { return index < count ? sms[index] : 0; }

void intr_raise(unsigned index)
{
    if (index < count)
        sm_up(sms[index]);            /* OVRFLOW at 2^64-1 interrupts: ignored */
}

enum status intr_assign(struct sm *sm, unsigned cpu, unsigned flags, uint32_t *msi_addr,
                        uint16_t *msi_data)
{
    if (cpu >= cpu_count)
        return BAD_CPU;
    sm->masked = flags & ASSIGN_M;
    sm->cpu = cpu;
    if (sm->index >= arch_int_pins()) {       /* an MSI: edge by nature */
        sm->level = false;
        return arch_int_msi(sm->index, cpu, sm->masked, msi_addr, msi_data) ? SUCCESS : BAD_PAR;
    }
    sm->level = flags & ASSIGN_T;
    if (!arch_int_assign(sm->index, cpu, flags & ASSIGN_M, sm->level, flags & ASSIGN_P))
        return BAD_PAR;
    *msi_addr = 0;                    /* pins have no MSI address or data */
    *msi_data = 0;
    return SUCCESS;
}

enum status intr_before_down(struct sm *sm, const struct ec *ec)
{
    if (ec->cpu != sm->cpu)
        return BAD_CPU;
    if (sm->level && !sm->masked)
        arch_int_unmask(sm->index);   /* deactivate: the next one may come */
    return SUCCESS;
}
