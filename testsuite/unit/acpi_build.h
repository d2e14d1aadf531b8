/* Building ACPI tables in the fake physical memory for the parser tests. */
#pragma once
#include <stdint.h>
#include <string.h>
#include "fake_phys.h"

static inline void put16(size_t off, uint16_t v) { memcpy(fake_phys + off, &v, 2); }
static inline void put32(size_t off, uint32_t v) { memcpy(fake_phys + off, &v, 4); }
static inline void put64(size_t off, uint64_t v) { memcpy(fake_phys + off, &v, 8); }

/* The byte at csum_at makes [off, off + len) sum to zero. */
static inline void fix(size_t off, size_t len, size_t csum_at)
{
    fake_phys[csum_at] = 0;
    uint8_t s = 0;
    for (size_t i = 0; i < len; i++)
        s = (uint8_t)(s + fake_phys[off + i]);
    fake_phys[csum_at] = (uint8_t)-s;
}

/* A system description header: signature and length (checksum: fix). */
static inline void header(size_t off, const char *sig, uint32_t len)
{
    memcpy(fake_phys + off, sig, 4);
    put32(off + 4, len);
}

/* A header with its checksum. */
static inline void table(size_t off, const char *sig, uint32_t len)
{
    header(off, sig, len);
    fix(off, len, off + 9);
}
