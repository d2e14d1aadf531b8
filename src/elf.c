/* Root task ELF validation: everything the loader will trust is checked
 * against the file size first. */
#include "elf.h"
#include <string.h>

boot_error elf_check_root(const void *image, uint64_t size, uint64_t load_pa, uint16_t machine)
{
    struct elf64_ehdr eh;
    if (size < sizeof eh)
        return "file is smaller than an ELF header";
    memcpy(&eh, image, sizeof eh);
    if (memcmp(eh.ident, "\177ELF", 4))
        return "no ELF magic";
    if (eh.ident[4] != 2)
        return "not a 64-bit ELF";
    if (eh.ident[5] != 1)
        return "not little-endian";
    if (eh.ident[6] != EV_CURRENT || eh.version != EV_CURRENT)
        return "unknown ELF version";
    if (eh.type != ET_EXEC)
        return "not an executable (ET_EXEC)";
    if (eh.machine != machine)
        return "built for another machine";
    if (eh.phentsize != sizeof(struct elf64_phdr))
        return "unexpected program header size";
    if (!eh.phnum)
        return "no program headers";
    if (eh.phoff > size || (uint64_t)eh.phnum * sizeof(struct elf64_phdr) > size - eh.phoff)
        return "program headers lie outside the file";
    unsigned loads = 0;
    bool entry_in_load = false;
    for (unsigned i = 0; i < eh.phnum; i++) {
        struct elf64_phdr ph;
        memcpy(&ph, (const unsigned char *)image + eh.phoff + i * sizeof ph, sizeof ph);
        if (ph.type != PT_LOAD || !ph.filesz || !ph.flags)
            continue;   /* empty or inaccessible segments are not mapped */
        if (ph.offset > size || ph.filesz > size - ph.offset)
            return "a PT_LOAD segment lies outside the file";
        if (ph.filesz != ph.memsz)
            return "a PT_LOAD segment has filesz != memsz (it is mapped from the image)";
        if (ph.vaddr + ph.memsz < ph.vaddr)
            return "a PT_LOAD segment wraps around the address space";
        if ((ph.vaddr ^ (load_pa + ph.offset)) & 0xfff)
            return "a PT_LOAD segment's vaddr and load address disagree modulo the page size";
        if (eh.entry >= ph.vaddr && eh.entry - ph.vaddr < ph.memsz)
            entry_in_load = true;
        loads++;
    }
    if (!loads)
        return "no PT_LOAD segment";
    if (!entry_in_load)
        return "entry point outside every PT_LOAD segment";
    return 0;
}
