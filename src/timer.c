/* Timer interrupts: a budget ran out or a timeout is due. In user mode the
 * interrupted EC resumes through its saved frame when it is still the best
 * choice; in the idle loop there is nothing to save. */
#include "timer.h"
#include "ec.h"
#include "sched.h"

void timer_interrupt_user(void)
{
    struct ec *ec = ec_current();
    ec->cont = ec_ret_exception;
    sched_dispatch();
}

void timer_interrupt_idle(void)
{
    /* sched_dispatch's idle loop looks at timeouts and queues again. */
}
