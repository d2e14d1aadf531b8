/* Summary statistics for latency samples; portable (host-tested). */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "protocol.h"

/* Sorts samples in place and summarises them; n must be > 0. */
void metric_summarize(uint64_t *samples, size_t n, struct metric_summary *out);
