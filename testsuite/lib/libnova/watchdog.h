/* A global thread below the root's priority that ends the suite when a
 * probe makes no progress for limit_ms: it runs only while the root is
 * blocked, so it catches hypercalls that never return. */
#pragma once
#include <stdint.h>

#define NOVA_WATCHDOG_PRIO 100u     /* above probe threads, below the root (127) */

unsigned nova_watchdog_start(uint64_t limit_ms);
