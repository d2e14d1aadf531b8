/* A deliberate exception is taken, recognised and returned from. */
#include "arch.h"
#include "exception.h"
#include "probe.h"

static void catch_return(struct probe_ctx *ctx)
{
    static volatile int after;
    struct exc_record rec;
    for (int round = 0; round < 2; round++) {   /* twice: the path must be reusable */
        after = 0;
        exc_expect();
        arch_raise_test_exception();
        after = 1;
        if (!exc_caught(&rec)) {
            probe_fail(ctx, "round %d: no exception was taken", round);
            return;
        }
        if (!after)
            probe_fail(ctx, "round %d: execution did not continue after the exception", round);
        if (rec.vector != arch_test_exception_vector)
            probe_fail(ctx, "round %d: vector=0x%lx expected=0x%lx", round,
                       (unsigned long)rec.vector, (unsigned long)arch_test_exception_vector);
    }
    /* Arming alone must not report a catch. */
    exc_expect();
    if (exc_caught(0))
        probe_fail(ctx, "a catch was reported without an exception");
}
PROBE("exception.catch_return", catch_return);
