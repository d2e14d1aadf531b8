/* Strong recall across CPUs. */
#pragma once

struct ec;

/* Waits until ec, recalled and running on another CPU, is in the kernel
 * (the reschedule IPI has been sent). Called and returns with the kernel
 * lock held; releases it meanwhile. */
void recall_wait_observed(struct ec *ec);
