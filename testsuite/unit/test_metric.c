/* Summary statistics of latency samples. */
#include "check.h"
#include "metric.h"

int main(void)
{
    struct metric_summary m;
    uint64_t one[] = {7};
    metric_summarize(one, 1, &m);
    CHECK(m.n == 1 && m.min == 7 && m.max == 7 && m.median == 7 && m.mean == 7);

    uint64_t odd[] = {9, 1, 5, 3, 7};
    metric_summarize(odd, 5, &m);
    CHECK(m.n == 5 && m.min == 1 && m.max == 9 && m.median == 5 && m.mean == 5);
    for (int i = 1; i < 5; i++)
        CHECK(odd[i - 1] <= odd[i]);                    /* sorted in place */

    uint64_t even[] = {10, 2, 4, 100};
    metric_summarize(even, 4, &m);
    CHECK(m.median == 7 && m.mean == 29 && m.min == 2 && m.max == 100);

    uint64_t dup[] = {3, 3, 3, 1};
    metric_summarize(dup, 4, &m);
    CHECK(m.median == 3 && m.min == 1);
    return CHECK_DONE();
}
