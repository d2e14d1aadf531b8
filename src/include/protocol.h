/* The console protocol (doc/console-protocol.md): every result line starts
 * with "@nova " so the runner, LAVA monitors and other drivers share it. */
#pragma once
#include <stddef.h>
#include <stdint.h>

enum case_result { CASE_PASS, CASE_FAIL, CASE_SKIP };

struct metric_summary {
    uint64_t n, min, median, mean, max;
};

void proto_begin(const char *suite, const char *board);
void proto_plan(unsigned cases);
void proto_case(const char *name, enum case_result result, const char *detail);
void proto_metric(const char *name, const char *unit, const struct metric_summary *m);
/* Prints END with the tallies and returns whether nothing failed. */
_Bool proto_end(void);
