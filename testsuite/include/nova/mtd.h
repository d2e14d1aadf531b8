/* Regular IPC message transfer descriptor (spec 3.2): bits 8..0 hold the
 * number of words minus one, so at least one word always moves; bits
 * 31..9 are ignored. */
#pragma once
#include <stdint.h>

#define NOVA_MTD_WORDS_MASK 0x1FFu
#define NOVA_MTD_MAX_WORDS  512u

/* The MTD for n words, 1 ≤ n ≤ 512. */
static inline uint32_t nova_mtd_words(unsigned n)
{
    return (n - 1) & NOVA_MTD_WORDS_MASK;
}

/* How many words an MTD transfers. */
static inline unsigned nova_mtd_count(uint32_t mtd)
{
    return (mtd & NOVA_MTD_WORDS_MASK) + 1;
}
