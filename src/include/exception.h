/* Expected exceptions: a probe arms a catch, raises an exception, and the
 * arch trap handler resumes after the faulting instruction. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct exc_record {
    uint64_t vector;   /* x86 vector / aarch64 ESR_EL2.EC */
    uint64_t ip;       /* faulting instruction */
    uint64_t info;     /* x86 error code / aarch64 ESR_EL2 */
};

void exc_expect(void);
/* Disarms and consumes the catch: true and *out filled when an exception
 * was caught since exc_expect(). */
bool exc_caught(struct exc_record *out);
/* Called by the arch trap handler; true when the exception was expected,
 * in which case the handler resumes after the instruction. */
bool exc_recover(uint64_t vector, uint64_t ip, uint64_t info);
