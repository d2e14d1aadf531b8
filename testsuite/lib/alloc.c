/* Bump allocators over fixed windows (libnova/layout.h). */
#include "libnova/alloc.h"
#include "libnova/layout.h"
#include "libnova/rt.h"

static nova_sel next_sel = NOVA_LIB_SEL_DYN;
static uint64_t next_utcb = NOVA_LIB_VA_UTCB;
static uint64_t next_scratch = NOVA_LIB_VA_SCRATCH;

nova_sel nova_sel_alloc(unsigned order)
{
    nova_sel size = (nova_sel)1 << order;
    nova_sel base = (next_sel + size - 1) & ~(size - 1);
    if (nova_rt.sel_num < NOVA_LIB_SEL_DYN_TOP_GAP ||
        base + size > nova_rt.sel_num - NOVA_LIB_SEL_DYN_TOP_GAP)
        return 0;
    next_sel = base + size;
    return base;
}

nova_sel nova_sel_mark(void)
{
    return next_sel;
}

uint64_t nova_va_utcb(void)
{
    if (next_utcb >= NOVA_LIB_VA_UTCB_END)
        return 0;
    uint64_t va = next_utcb;
    next_utcb += 0x1000;
    return va;
}

uint64_t nova_va_scratch(size_t pages)
{
    uint64_t size = (uint64_t)pages << 12;
    if (size > NOVA_LIB_VA_SCRATCH_END - next_scratch)
        return 0;
    uint64_t va = next_scratch;
    next_scratch += size;
    return va;
}

static char stacks[NOVA_STACK_COUNT][NOVA_STACK_SIZE] __attribute__((aligned(16)));
static unsigned stacks_used;

uintptr_t nova_stack_alloc(void)
{
    if (stacks_used >= NOVA_STACK_COUNT)
        return 0;
    return (uintptr_t)stacks[stacks_used++] + NOVA_STACK_SIZE;
}

unsigned nova_stack_left(void)
{
    return NOVA_STACK_COUNT - stacks_used;
}
