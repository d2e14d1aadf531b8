/* One armed catch at a time: the boot CPU runs the probes serially. */
#include "exception.h"

static volatile bool armed, caught;
static struct exc_record last;

void exc_expect(void)
{
    caught = false;
    armed = true;
}

bool exc_caught(struct exc_record *out)
{
    armed = false;
    bool was = caught;
    caught = false;
    if (was && out)
        *out = last;
    return was;
}

bool exc_recover(uint64_t vector, uint64_t ip, uint64_t info)
{
    if (!armed || caught)
        return false;
    last = (struct exc_record){vector, ip, info};
    caught = true;
    return true;
}
