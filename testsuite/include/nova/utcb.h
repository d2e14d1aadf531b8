/* The UTCB: one 4 KiB page per host EC (spec 3.1). The regular layout holds
 * 512 message words; the architectural layouts (nova/<arch>/utcb_arch.h)
 * overlay the start of the same page. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define NOVA_UTCB_SIZE  4096u
#define NOVA_UTCB_WORDS 512u

struct nova_utcb {
    uint64_t word[NOVA_UTCB_WORDS];
};

_Static_assert(sizeof(struct nova_utcb) == NOVA_UTCB_SIZE, "UTCB is one page");
_Static_assert(offsetof(struct nova_utcb, word[1]) == 0x008, "word 1");
_Static_assert(offsetof(struct nova_utcb, word[511]) == 0xFF8, "word 511");
