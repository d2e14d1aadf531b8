/* A child PD of the root with the spaces a host EC needs (object, host
 * and, on x86, PIO), optionally sharing the root image at the same
 * addresses so that libnova ECs can run in it. */
#pragma once
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
