/* Recall across CPUs. */
#pragma once
#include <stdbool.h>

struct ec;

/* ec (marked EC_RECALL, bound to another CPU) is made to enter the kernel
 * if it runs user code there; strong: returns once it has. Called and
 * returns with the kernel lock held; releases it while waiting. */
void recall_remote(struct ec *ec, bool strong);
