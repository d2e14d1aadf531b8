/* A fake physical memory for the boot parsers: one buffer at a chosen
 * physical base; reads outside it return NULL like unmapped memory. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#define FAKE_PHYS_BASE 0x100000u
#define FAKE_PHYS_SIZE (64u * 1024)

extern unsigned char fake_phys[FAKE_PHYS_SIZE];

const void *fake_phys_read(uint64_t pa, uint64_t len);

/* Exact mode: each read returns a heap copy of just the bytes asked for,
 * so reading past them is an ASan error even inside the buffer. The copies
 * live until fake_phys_release (a parser may hold several). */
extern bool fake_phys_exact;
void fake_phys_release(void);
/* Physical address of an offset into the buffer. */
static inline uint64_t fake_pa(size_t off) { return FAKE_PHYS_BASE + off; }
