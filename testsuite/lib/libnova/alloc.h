/* Fresh resources for probes: object selectors, host-virtual pages and
 * stacks. Nothing is ever handed out twice, so a probe that failed to clean
 * up cannot disturb a later one (an EC whose capability was revoked may
 * still exist and wake up on its stack). */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "nova/selectors.h"

/* 2^order consecutive root selectors aligned to 2^order; 0 when exhausted. */
nova_sel nova_sel_alloc(unsigned order);
/* The next selector nova_sel_alloc would consider (for range revocation). */
nova_sel nova_sel_mark(void);

/* n fresh pages in the UTCB window / the scratch window; 0 when exhausted. */
uint64_t nova_va_utcb(void);
uint64_t nova_va_scratch(size_t pages);

#define NOVA_STACK_SIZE 4096u
#define NOVA_STACK_COUNT 96u
/* A fresh 16-byte-aligned stack of NOVA_STACK_SIZE bytes; 0 when the pool
 * is used up. Returns its top (highest address). */
uintptr_t nova_stack_alloc(void);
/* Stacks still in the pool (the suite reports it, so growth shows). */
unsigned nova_stack_left(void);
