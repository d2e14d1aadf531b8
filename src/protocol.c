/* Result lines of the console protocol (doc/console-protocol.md). */
#include "protocol.h"
#include "console.h"
#include "version.h"

static unsigned tally[3];

void proto_begin(const char *suite, const char *board)
{
    tally[CASE_PASS] = tally[CASE_FAIL] = tally[CASE_SKIP] = 0;
    kprintf("@nova BEGIN suite=%s arch=%s board=%s version=%s\n", suite,
            NOVA_ARCH, board, nova_version);
}

void proto_plan(unsigned cases)
{
    kprintf("@nova PLAN %u\n", cases);
}

void proto_case(const char *name, enum case_result result, const char *detail)
{
    static const char *const word[] = {"PASS", "FAIL", "SKIP"};
    tally[result]++;
    kprintf("@nova CASE %s %s%s%s\n", name, word[result],
            detail && *detail ? " " : "", detail ? detail : "");
}

void proto_metric(const char *name, const char *unit, const struct metric_summary *m)
{
    kprintf("@nova METRIC %s unit=%s n=%lu min=%lu median=%lu mean=%lu max=%lu\n",
            name, unit, (unsigned long)m->n, (unsigned long)m->min,
            (unsigned long)m->median, (unsigned long)m->mean, (unsigned long)m->max);
}

_Bool proto_end(void)
{
    kprintf("@nova END pass=%u fail=%u skip=%u\n", tally[CASE_PASS],
            tally[CASE_FAIL], tally[CASE_SKIP]);
    return tally[CASE_FAIL] == 0;
}
