/* Every user-side header at once, for a compile-only check with another
 * architecture's compiler (the aarch64 layouts' _Static_asserts and the
 * inline assembly of libnova's wrappers). */
#include "nova/abi.h"
#include "libnova/alloc.h"
#include "libnova/board.h"
#include "libnova/boot.h"
#include "libnova/child.h"
#include "libnova/console.h"
#include "libnova/delegate.h"
#include "libnova/device.h"
#include "libnova/ec.h"
#include "libnova/exit.h"
#include "libnova/fmt.h"
#include "libnova/hc.h"
#include "libnova/io.h"
#include "libnova/layout.h"
#include "libnova/metric.h"
#include "libnova/monitor.h"
#include "libnova/probe.h"
#include "libnova/rt.h"
#include "libnova/state.h"
#include "libnova/string.h"
#include "libnova/timing.h"
#include "libnova/try.h"
#include "libnova/watchdog.h"

unsigned abi_headers_use(void);

unsigned abi_headers_use(void)
{
    uint32_t mtd = 0;
    return nova_ipc_call(1, 0, &mtd) + (unsigned)sizeof(nova_utcb_arch) + (unsigned)nova_stc();
}
