/* The METRIC line; apart from metric.c so host tests need no console. */
#include "libnova/console.h"
#include "libnova/metric.h"

void nova_metric_report(const char *name, const char *unit, uint64_t *samples, size_t n)
{
    struct nova_metric m;
    nova_metric_summarize(samples, n, &m);
    nova_printf("@nova METRIC %s unit=%s n=%lu min=%lu median=%lu mean=%lu max=%lu\n", name,
                unit, (unsigned long)m.n, (unsigned long)m.min, (unsigned long)m.median,
                (unsigned long)m.mean, (unsigned long)m.max);
}
