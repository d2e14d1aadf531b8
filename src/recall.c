/* ctrl_ec's recall of an EC on another CPU (interface §4.12): an EC that
 * runs user code there is interrupted; a strong recall returns only once
 * the target has been observed in the kernel. */
#include "recall.h"
#include "ec.h"
#include "kernel_lock.h"
#include "percpu.h"

/* Whether ec still runs user code with its recall not yet raised: it is
 * its CPU's running EC and that CPU runs an SC (not idle). The fields are
 * read without the lock while waiting, so through atomic loads. */
static bool still_in_user_mode(struct percpu *cpu, struct ec *ec)
{
    return __atomic_load_n(&ec->flags, __ATOMIC_ACQUIRE) & EC_RECALL &&
           __atomic_load_n(&cpu->ec_running, __ATOMIC_ACQUIRE) == ec &&
           __atomic_load_n(&cpu->current, __ATOMIC_ACQUIRE);
}

void recall_remote(struct ec *ec, bool strong)
{
    struct percpu *cpu = &percpu[ec->cpu];
    /* One that is not running raises the event when it next resumes. */
    if (!still_in_user_mode(cpu, ec))
        return;
    arch_ipi_reschedule(ec->cpu);
    if (!strong)
        return;
    /* Its CPU needs the kernel lock to enter the kernel, so the wait
     * happens with the lock free. The reference keeps ec alive if its
     * last capability goes away meanwhile. */
    kobj_get(&ec->hdr);
    while (still_in_user_mode(cpu, ec)) {
        kernel_unlock();
        while (still_in_user_mode(cpu, ec))
            cpu_relax();
        kernel_lock();
    }
    kobj_put(&ec->hdr);
}
