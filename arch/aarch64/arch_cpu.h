/* This CPU's number, inline (percpu.h): TPIDR_EL2 holds the per-CPU block. */
#pragma once
#include "cpu_local.h"

static inline unsigned arch_cpu_id(void) { return cpu_self()->id; }
static inline struct percpu *arch_this_percpu(void) { return cpu_self()->percpu; }
