#pragma once
#include <stdint.h>
#include "cpu_local.h"

/* Prepares this CPU for user mode; kstack_top is its kernel stack. */
void cpu_setup(uint64_t kstack_top);
struct cpu_local *cpu_local_get(void);
