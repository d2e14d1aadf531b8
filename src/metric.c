/* Summary statistics: insertion sort is fine for the probe sample counts
 * and keeps the code free of recursion. */
#include "metric.h"

static void sort_u64(uint64_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

void metric_summarize(uint64_t *samples, size_t n, struct metric_summary *out)
{
    sort_u64(samples, n);
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += samples[i];
    out->n = n;
    out->min = samples[0];
    out->max = samples[n - 1];
    out->median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    out->mean = sum / n;
}
