/* Root ELF validation with a valid image and one defect at a time. */
#include "check.h"
#include "elf.h"
#include "mutate.h"
#include <stdint.h>

#define LOAD_PA 0x400000u

static unsigned char img[0x3000];

static struct elf64_ehdr *E(void) { return (struct elf64_ehdr *)img; }
static struct elf64_phdr *P(int i) { return (struct elf64_phdr *)(img + 64 + i * 56); }

static void valid(void)
{
    memset(img, 0, sizeof img);
    memcpy(E()->ident, "\177ELF\2\1\1", 7);
    E()->type = 2;
    E()->machine = EM_X86_64;
    E()->version = 1;
    E()->entry = 0x401010;
    E()->phoff = 64;
    E()->phentsize = 56;
    E()->phnum = 2;
    *P(0) = (struct elf64_phdr){1, 5, 0x1000, 0x401000, 0, 0x1000, 0x1000, 0x1000};
    *P(1) = (struct elf64_phdr){4, 4, 0x200, 0, 0, 0x10, 0x10, 4};   /* PT_NOTE ignored */
}

static boot_error check(void) { return elf_check_root(img, sizeof img, LOAD_PA, EM_X86_64); }

/* Every truncation, every header byte set to telling values, and random
 * multi-byte mutations: any verdict, no bad read (ASan, UBSan). */
static void robustness(void)
{
    valid();
    for (size_t k = 0; k <= sizeof img; k += 8)
        (void)elf_check_root(img, k, LOAD_PA, EM_X86_64);
    for (size_t i = 0; i < 64 + 2 * 56; i++)
        for (size_t v = 0; v < sizeof mutate_values; v++) {
            valid();
            img[i] = mutate_values[v];
            (void)check();
        }
    for (unsigned n = 0; n < 20000; n++) {
        valid();
        mutate_random(img, 64 + 2 * 56);
        (void)check();
    }
}

int main(void)
{
    robustness();
    valid(); CHECK_ACCEPTS(check());
    CHECK_REJECTS(elf_check_root(img, 10, LOAD_PA, EM_X86_64), "smaller than an ELF header");
    CHECK_REJECTS(elf_check_root(img, sizeof img, LOAD_PA, EM_AARCH64), "another machine");
    CHECK_REJECTS(elf_check_root(img, sizeof img, LOAD_PA + 0x800, EM_X86_64), "modulo the page size"); /* misaligned load */
    valid(); img[0] = 0;                   CHECK_REJECTS(check(), "no ELF magic");
    valid(); img[4] = 1;                   CHECK_REJECTS(check(), "not a 64-bit");   /* ELF32 */
    valid(); img[5] = 2;                   CHECK_REJECTS(check(), "little-endian");   /* big endian */
    valid(); E()->version = 0;             CHECK_REJECTS(check(), "ELF version");
    valid(); E()->type = 3;                CHECK_REJECTS(check(), "ET_EXEC");   /* ET_DYN */
    valid(); E()->phentsize = 32;          CHECK_REJECTS(check(), "program header size");
    valid(); E()->phnum = 0;               CHECK_REJECTS(check(), "no program headers");
    valid(); E()->phoff = sizeof img - 8;  CHECK_REJECTS(check(), "outside the file");
    valid(); E()->phoff = UINT64_MAX - 8;  CHECK_REJECTS(check(), "outside the file");   /* offset overflow */
    valid(); E()->phnum = 0xffff;          CHECK_REJECTS(check(), "outside the file");
    valid(); P(0)->filesz = P(0)->memsz = 0x10000;   CHECK_REJECTS(check(), "outside the file");   /* past EOF */
    valid(); P(0)->offset = UINT64_MAX - 0x10;       CHECK_REJECTS(check(), "outside the file");
    valid(); P(0)->memsz = 0x2000;                   CHECK_REJECTS(check(), "filesz != memsz");   /* filesz != memsz */
    valid(); P(0)->vaddr = 0x401800;                 CHECK_REJECTS(check(), "modulo the page size");   /* vaddr % 4K */
    valid(); P(0)->vaddr = UINT64_MAX - 0xfff; E()->entry = UINT64_MAX - 8;
    CHECK_REJECTS(check(), "wraps");                                                    /* wraps */
    valid(); E()->entry = 0x500000;                  CHECK_REJECTS(check(), "entry point outside");   /* entry outside */
    valid(); P(0)->type = 4;                         CHECK_REJECTS(check(), "no PT_LOAD");   /* no PT_LOAD */
    valid(); P(0)->flags = 0;                        CHECK_REJECTS(check(), "no PT_LOAD");   /* skipped → none left */
    /* A zero-sized or flagless PT_LOAD besides a good one is skipped, as NOVA does. */
    valid(); *P(1) = (struct elf64_phdr){1, 0, 0x5000000, 0x1, 0, 0x10, 0x20, 0};
    CHECK_ACCEPTS(check());
    valid(); *P(1) = (struct elf64_phdr){1, 6, 0x2000, 0x402000, 0, 0, 0x1000, 0};
    CHECK_ACCEPTS(check());
    return CHECK_DONE();
}
