/* ELF64 image validation for the root task (portable, host-tested). */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "bootinfo.h"

/* The parts of the ELF64 format the root loader reads. */
struct elf64_ehdr {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

enum { ET_EXEC = 2, PT_LOAD = 1, EV_CURRENT = 1, PF_X = 1, PF_W = 2, PF_R = 4 };

#define EM_X86_64 62
#define EM_AARCH64 183

/* Checks that image[0..size), loaded at physical load_pa, is a root task
 * NOVA can map in place: ELF64 little-endian ET_EXEC for machine, program
 * headers and every mapped PT_LOAD inside the file, p_filesz == p_memsz,
 * p_vaddr == load_pa + p_offset (mod 4 KiB), the entry inside a segment.
 * PT_LOADs with p_filesz 0 or p_flags 0 are skipped, as NOVA does.
 * NULL when valid, else the reason. */
boot_error elf_check_root(const void *image, uint64_t size, uint64_t load_pa, uint16_t machine);
