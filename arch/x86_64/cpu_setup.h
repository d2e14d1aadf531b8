#pragma once
#include <stdint.h>
#include "cpu_local.h"

/* Prepares this CPU for user mode; kstack_top is its kernel stack. */
void cpu_setup(uint64_t kstack_top);
extern struct cpu_local cpu0;
static inline struct cpu_local *cpu_local_get(void) { return &cpu0; }
