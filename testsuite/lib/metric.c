/* Insertion sort: fine for a thousand samples, no recursion, no memory. */
#include "libnova/metric.h"

void nova_metric_summarize(uint64_t *v, size_t n, struct nova_metric *out)
{
    uint64_t sum = 0;
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
    for (size_t i = 0; i < n; i++)
        sum += v[i];
    out->n = n;
    out->min = v[0];
    out->max = v[n - 1];
    out->median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    out->mean = sum / n;
}
