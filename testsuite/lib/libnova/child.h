/* A child PD of the root with the spaces a host EC needs (object, host
 * and, on x86, PIO), optionally sharing the root image at the same
 * addresses so that libnova ECs can run in it. */
#pragma once
#include <stdint.h>
#include "libnova/ec.h"
#include "nova/selectors.h"

struct nova_child {
    nova_sel pd, obj, hst, pio;     /* capabilities in the root object space */
};

/* Creates the PD (owner: the root PD) and its spaces at fresh selectors.
 * Returns the first failing status. */
unsigned nova_child_create(struct nova_child *c);

/* Delegates the whole root image (code, data, stacks) from the root host
 * space into the child's host space at the same virtual addresses. */
unsigned nova_child_map_image(const struct nova_child *c);

/* nova_child_create, then nova_child_map_image: a child that can run
 * libnova ECs. */
unsigned nova_child_create_with_image(struct nova_child *c);

/* A local EC of the child (on the root's CPU) serving fn, and a portal to
 * it with pid (MTD 0) in the root object space. */
unsigned nova_child_portal(const struct nova_child *c, nova_portal_fn *fn, uint64_t pid,
                           struct nova_ec **ec, nova_sel *pt);
