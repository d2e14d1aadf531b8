/* Placeholder until the FDT parser lands (aarch64 work in progress). */
#include "fdt.h"

boot_error fdt_parse(uint64_t fdt, phys_reader *read, struct bootinfo *bi)
{
    (void)fdt; (void)read; (void)bi;
    return "FDT parser not built yet";
}
