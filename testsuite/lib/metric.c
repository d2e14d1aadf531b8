/* The summary is the kernel's own (src/metric.c, portable, host-tested). */
#include "libnova/metric.h"
#include "metric.h"

_Static_assert(sizeof(struct nova_metric) == sizeof(struct metric_summary), "same fields");

void nova_metric_summarize(uint64_t *v, size_t n, struct nova_metric *out)
{
    struct metric_summary m;
    metric_summarize(v, n, &m);
    *out = (struct nova_metric){m.n, m.min, m.median, m.mean, m.max};
}
