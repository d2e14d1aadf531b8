/* Kernel memory: a fixed pool inside the kernel image (a NOLOAD section
 * after .bss), so the image range the HIP reports as NOVA's covers it and
 * every other frame belongs to the root PD through the NOVA host space. */
#include "kmem.h"
#include "arch.h"
#include "console.h"
#include "panic.h"
#include "sections.h"

struct buddy kmem;
uint64_t nova_phys_start, nova_phys_end;

void kmem_init(const struct bootinfo *bi)
{
    uintptr_t start = (uintptr_t)__kmem_start, end = (uintptr_t)__kmem_end;
    uint64_t phys = bi->kernel_end - (end - start);   /* the pool ends the image */
    nova_phys_start = bi->kernel_start;
    nova_phys_end = bi->kernel_end;
    buddy_init(&kmem);
    /* Through the direct map: page-table code turns physical addresses
     * back into pointers that way, and frees must find the same zone. */
    const void *va = end > start ? arch_phys_map(phys, end - start) : 0;
    if (!va || !buddy_add(&kmem, (uintptr_t)va, phys, end - start))
        panic("kmem: the kernel memory pool is missing or not mapped");
    kprintf("kmem: %lu KiB pool at 0x%lx\n", (unsigned long)(kmem.free_frames * FRAME_SIZE >> 10),
            (unsigned long)phys);
}

void *kmem_alloc(struct quota *q, unsigned order)
{
    uint64_t bytes = FRAME_SIZE << order;
    if (!quota_charge(q, bytes))
        return 0;
    void *p = buddy_alloc(&kmem, order);
    if (!p)
        quota_release(q, bytes);
    return p;
}

void kmem_free(struct quota *q, void *p, unsigned order)
{
    buddy_free(&kmem, p, order);
    quota_release(q, FRAME_SIZE << order);
}
