/* Root bootstrap (spec 5.6 sketch): pull space capabilities out of the NOVA
 * object space with ctrl_pd (src SEL_NUM-1, TAKE; dst SEL_NUM-2, GRANT),
 * then delegate device resources from the NOVA spaces into the root's. */
#pragma once
#include <stdint.h>
#include "nova/selectors.h"

/* Copies NOVA object-space slot nova_idx to root slot dst (all permissions
 * the source has). */
unsigned nova_boot_pull(nova_sel nova_idx, nova_sel dst);

/* Pulls the spaces libnova uses into NOVA_LIB_SEL_*: the NOVA and root host
 * spaces, on x86 also the NOVA and root PIO spaces and the NOVA MSR space.
 * Returns the first failing status. */
unsigned nova_boot_spaces(void);

/* x86: ports [port, port + 2^ord) from the NOVA PIO space into the root's. */
unsigned nova_boot_ports(uint16_t port, unsigned ord);

/* 2^ord frames from physical pa to va in the root host space, taken from
 * the NOVA host space with the given permissions and MAD. */
unsigned nova_boot_map_phys(uint64_t pa, uint64_t va, unsigned ord, unsigned pmm, uint32_t mad);
