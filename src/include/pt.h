/* Portals (interface §1.1): an entry point into a local EC. */
#pragma once
#include <stdint.h>
#include "kobj.h"

struct ec;

struct pt {
    struct kobj hdr;
    struct ec *ec;
    uint64_t ip;
    uint64_t pid;
    uint32_t mtd;
};

/* hdr.flags: the IP is one user mode cannot run (its EC dies when
 * called); set at creation, the IP never changes. */
#define PT_IP_BAD 1u

struct pt *pt_create(struct pd *owner, struct ec *ec, uint64_t ip);
