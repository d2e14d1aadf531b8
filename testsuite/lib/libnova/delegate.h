/* Range delegation split into aligned power-of-two chunks (ctrl_pd takes
 * one order per call; both bases must be multiples of 2^ord). */
#pragma once
#include <stdint.h>
#include "nova/selectors.h"

/* Delegates count slots ssb.. of src to dsb.. of dst with pmm and mad,
 * using chunks of at most 2^max_ord. Returns the first failing status. */
unsigned nova_delegate_range(nova_sel src, nova_sel dst, uint64_t ssb, uint64_t dsb,
                             uint64_t count, unsigned pmm, uint32_t mad, unsigned max_ord);

/* Overwrites count root selectors from base with CAP0 (a delegation from
 * an always-empty block of the root object space). */
unsigned nova_revoke_obj(nova_sel base, uint64_t count);
