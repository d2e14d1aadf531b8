/* A panic prints one tagged line, then ends the machine as failed. */
#include "panic.h"
#include "arch.h"
#include "console.h"

void panic(const char *fmt, ...)
{
    static int nesting;
    if (nesting++)          /* a panic while panicking: stop quietly */
        arch_exit(false);
    va_list ap;
    va_start(ap, fmt);
    console_puts("\n@nova PANIC ");
    vkprintf(fmt, ap);
    console_puts("\n");
    va_end(ap);
    arch_console_flush();
    arch_exit(false);
}
