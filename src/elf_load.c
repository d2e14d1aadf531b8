/* The root image stays where the loader put it: its segments are mapped
 * from there (p_filesz == p_memsz was checked at boot by elf_check_root). */
#include "elf_load.h"
#include "elf.h"
#include "arch.h"
#include <string.h>

uint64_t elf_entry(uint64_t pa)
{
    const struct elf64_ehdr *eh = arch_phys_map(pa, sizeof *eh);
    return eh ? eh->entry : 0;
}

const char *elf_map_root(uint64_t pa, uint64_t size, struct hpt *h, struct quota *q)
{
    const unsigned char *img = arch_phys_map(pa, size);
    if (!img)
        return "root image is not accessible";
    struct elf64_ehdr eh;
    memcpy(&eh, img, sizeof eh);
    for (unsigned i = 0; i < eh.phnum; i++) {
        struct elf64_phdr ph;
        memcpy(&ph, img + eh.phoff + i * sizeof ph, sizeof ph);
        if (ph.type != PT_LOAD || !ph.filesz || !ph.flags)
            continue;
        if (ph.vaddr + ph.memsz > HPT_USER_END - 0x2000)
            return "a root segment lies outside the user range";
        unsigned perms = (ph.flags & PF_R ? MEM_R : 0) | (ph.flags & PF_W ? MEM_W : 0) |
                         (ph.flags & PF_X ? MEM_XU : 0);
        uint64_t va = ph.vaddr & ~0xFFFull, end = ph.vaddr + ph.memsz;
        uint64_t frame = (pa + ph.offset) & ~0xFFFull;
        for (; va < end; va += 0x1000, frame += 0x1000) {
            struct hpt_entry e = {frame, perms, 0, false};
            if (!hpt_set(h, q, va, &e))
                return "out of kernel memory mapping the root image";
        }
    }
    return 0;
}
