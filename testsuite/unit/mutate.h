/* Mutation helpers for the parsers' robustness tests: every byte of a
 * valid input set to each of a few telling values, and seeded random
 * multi-byte mutations. Any verdict is fine; the sanitizers judge the
 * reads and the arithmetic. */
#pragma once
#include <stddef.h>
#include <stdint.h>

static const uint8_t mutate_values[] = {0x00, 0xff, 0x01, 0x80, 0x7f};

static uint64_t mutate_state = 0x6e6f76616675ull;

static uint64_t mutate_next(void)
{
    mutate_state ^= mutate_state << 13;       /* xorshift64 */
    mutate_state ^= mutate_state >> 7;
    mutate_state ^= mutate_state << 17;
    return mutate_state;
}

/* 1..4 bytes of buf[0..len) set to random values (or a telling one). */
static void mutate_random(uint8_t *buf, size_t len)
{
    unsigned n = 1 + (unsigned)(mutate_next() % 4);
    for (unsigned i = 0; i < n; i++) {
        uint64_t r = mutate_next();
        buf[r % len] = r >> 32 & 1 ? (uint8_t)(r >> 40) : mutate_values[(r >> 40) % sizeof mutate_values];
    }
}
