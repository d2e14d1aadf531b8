/* The portable kernel entry after the arch boot code has run. */
#pragma once
#include "bootinfo.h"

/* The ELF machine of this architecture for the root task check. */
extern const unsigned short root_elf_machine;

_Noreturn void kernel_main(struct bootinfo *boot);
