/* What the architecture does for ECs: switching, leaving the kernel, and
 * moving architectural state between an EC and a UTCB for events. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct ec;

#if __has_include("arch_switch.h")
#include "arch_switch.h"   /* inline arch_ec_switch and arch_user_ip_ok */
#else
/* Makes next the running EC of this CPU (address space, entry frame);
 * prev is the EC that ran before (NULL at the first switch). */
void arch_ec_switch(const struct ec *prev, struct ec *next);
/* Whether ip may be run in user mode (canonical, below the user end). */
bool arch_user_ip_ok(uint64_t ip);
#endif
/* Returns to user mode after a hypercall (fast path) or anything else. */
#include "arch_ret.h"               /* arch_ret_hypercall, arch_ret_exception */
/* The CPU is about to idle without an EC: leave the running EC's address
 * space for the kernel's own, so that space may be freed meanwhile. */
void arch_space_leave(void);
/* ec is about to be freed: drop architectural references to it. */
void arch_ec_destroy(struct ec *ec);
/* Copies the state selected by mtd from ec into an architectural UTCB
 * (event delivery); info carries the event's qualification. */
void arch_utcb_save(const struct ec *ec, void *utcb, uint32_t mtd);
/* Writes the state selected by mtd from the UTCB back into ec; false
 * when the EC must be killed (POISON). */
bool arch_utcb_load(struct ec *ec, const void *utcb, uint32_t mtd);
/* Whether this architecture has PIO spaces (x86). */
extern const bool arch_has_pio;
