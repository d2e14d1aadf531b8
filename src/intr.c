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

__attribute__((weak)) void arch_int_init(void) {}

__attribute__((weak)) unsigned arch_int_msis(void) { return 0; }

__attribute__((weak)) enum status arch_int_msi(unsigned index, unsigned cpu, unsigned dev,
                                               bool masked, uint32_t *addr, uint16_t *data)
{
    (void)index, (void)cpu, (void)dev, (void)masked, (void)addr, (void)data;
    return BAD_PAR;
}

void intr_init(void)
{
    count = arch_int_pins() + arch_int_msis();
    if (!count)
        return;
    sms = kmem_alloc(&nova_pd->quota, 0);
    _Static_assert(INTR_SMS_MAX == FRAME_SIZE / sizeof *sms, "one frame of SM pointers");
    if (!sms || count > INTR_SMS_MAX)
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

void intr_raise(unsigned index)
{
    if (index < count)
        sm_up(sms[index]);            /* OVRFLOW at 2^64-1 interrupts: ignored */
}

enum status intr_assign(struct sm *sm, unsigned cpu, unsigned dev, unsigned flags,
                        uint32_t *msi_addr, uint16_t *msi_data)
{
    if (cpu >= cpu_count)
        return BAD_CPU;
    bool masked = flags & ASSIGN_M, msi = sm->index >= arch_int_pins();
    bool level = !msi && (flags & ASSIGN_T);  /* an MSI is edge by nature */
    if (msi) {
        enum status st = arch_int_msi(sm->index, cpu, dev, masked, msi_addr, msi_data);
        if (st != SUCCESS)
            return st;
    } else {
        if (!arch_int_assign(sm->index, cpu, masked, level, flags & ASSIGN_P))
            return BAD_PAR;
        *msi_addr = 0;                /* pins have no MSI address or data */
        *msi_data = 0;
    }
    sm->masked = masked;
    sm->cpu = cpu;
    sm->level = level;
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
