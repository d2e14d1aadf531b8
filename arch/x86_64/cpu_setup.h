#pragma once
#include <stdint.h>
#include "cpu_local.h"

/* Prepares CPU id for user mode; kstack_top is its kernel stack. */
void cpu_setup(unsigned id, uint64_t kstack_top);
extern struct cpu_local cpu_locals[];
static inline struct cpu_local *cpu_local_get(void) { return cpu_self(); }
