/* Latency summaries as console-protocol METRIC lines
 * (doc/console-protocol.md); portable (host-tested). */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct nova_metric {
    uint64_t n, min, median, mean, max;
};

/* Sorts samples in place and summarises them; n must be > 0. */
void nova_metric_summarize(uint64_t *samples, size_t n, struct nova_metric *out);

/* Summarises and prints "@nova METRIC name unit=.. n=.. min=.. median=..
 * mean=.. max=..". */
void nova_metric_report(const char *name, const char *unit, uint64_t *samples, size_t n);
