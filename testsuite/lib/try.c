/* setjmp-based recovery: the monitor moves the faulted root EC to
 * nova_try_landing, which unwinds into the innermost try frame. */
#include "libnova/try.h"

struct nova_try *volatile nova_try_current;

_Noreturn void nova_try_unwind(void);

void nova_try_unwind(void)
{
    nova_longjmp(&nova_try_current->jmp, 1);
}

bool nova_try_run(void (*fn)(void *), void *arg, struct nova_exc *exc)
{
    struct nova_try t = {.prev = nova_try_current};
    struct nova_try *volatile frame = &t;
    nova_try_current = frame;
    if (nova_setjmp(&frame->jmp) == 0) {
        fn(arg);
        nova_try_current = frame->prev;
        return true;
    }
    nova_try_current = frame->prev;
    if (exc)
        *exc = frame->exc;
    return false;
}
