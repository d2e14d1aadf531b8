/* Architectures without the kernel core yet: say so instead of hanging. */
#include "panic.h"
#include "root.h"

void root_launch(const struct bootinfo *bi)
{
    (void)bi;
    panic("root: launching a root PD is not implemented on %s yet", NOVA_ARCH);
}
