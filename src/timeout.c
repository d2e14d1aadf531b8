/* ECs blocked with a deadline, in an unsorted list linked through the
 * EC; fired from the scheduler (and from the timer interrupt once that
 * exists, which will bring a sorted queue). */
#include "timeout.h"
#include "ec.h"
#include "sm.h"
#include "timer.h"
#include "percpu.h"

void timeout_add(struct ec *ec, uint64_t deadline)
{
    ec->timeout = deadline;
    ec->timeout_next = percpu[ec->cpu].timeouts;
    percpu[ec->cpu].timeouts = ec;
}

void timeout_remove(struct ec *ec)
{
    for (struct ec **p = &percpu[ec->cpu].timeouts; *p; p = &(*p)->timeout_next)
        if (*p == ec) {
            *p = ec->timeout_next;
            break;
        }
    ec->timeout = 0;
}

uint64_t timeout_next(const struct percpu *cpu)
{
    uint64_t next = TIMER_NONE;
    for (const struct ec *ec = cpu->timeouts; ec; ec = ec->timeout_next)
        if (ec->timeout < next)
            next = ec->timeout;
    return next;
}

void timeout_fire(struct percpu *cpu, uint64_t now)
{
    for (struct ec **p = &cpu->timeouts; *p;) {
        struct ec *ec = *p;
        if (ec->timeout > now) {
            p = &ec->timeout_next;
            continue;
        }
        *p = ec->timeout_next;
        ec->timeout = 0;
        sm_timeout(ec);
    }
}
