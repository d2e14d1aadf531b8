/* Mapping a validated root ELF in place into a host space. */
#pragma once
#include <stdint.h>
#include "hpt.h"

/* Maps every PT_LOAD (p_filesz and p_flags non-zero) of the image at
 * physical pa with its p_flags as permissions; NULL or the reason. */
const char *elf_map_root(uint64_t pa, uint64_t size, struct hpt *h, struct quota *q);
uint64_t elf_entry(uint64_t pa);
