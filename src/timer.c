/* Interrupts that may change what runs: a budget ran out, a timeout is
 * due, another CPU or a device readied an SC. The interrupted EC resumes
 * through its saved frame when it is still the best choice. */
#include "timer.h"
#include "ec.h"
#include "sched.h"

void timer_interrupt_user(void)
{
    struct ec *ec = ec_current();
    ec->cont = ec_ret_exception;
    sched_dispatch();
}
