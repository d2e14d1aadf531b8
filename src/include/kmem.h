/* The kernel's memory: every usable frame not taken by the kernel image,
 * boot modules or boot data, in one buddy allocator. */
#pragma once
#include <stdint.h>
#include "bootinfo.h"
#include "buddy.h"
#include "quota.h"

extern struct buddy kmem;

/* Hands usable memory minus the reserved ranges to kmem; panics when
 * nothing usable remains. */
void kmem_init(const struct bootinfo *bi);

/* A zeroed frame block of 2^order frames charged to q; NULL if none. */
void *kmem_alloc(struct quota *q, unsigned order);
void kmem_free(struct quota *q, void *p, unsigned order);

/* Physical address of kernel memory from kmem_alloc. */
static inline uint64_t kmem_phys(const void *p) { return buddy_phys(&kmem, p); }

/* The physical range the HIP reports as NOVA's: image and pool. */
extern uint64_t nova_phys_start, nova_phys_end;
