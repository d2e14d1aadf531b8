/* Console output with CR before LF, as serial terminals expect. */
#include "console.h"
#include "arch.h"
#include "format.h"

void console_putc(char c)
{
    if (c == '\n')
        arch_console_putc('\r');
    arch_console_putc(c);
}

void console_puts(const char *s)
{
    while (*s)
        console_putc(*s++);
}

static void console_sink(void *ctx, char c)
{
    (void)ctx;
    console_putc(c);
}

void vkprintf(const char *fmt, va_list ap)
{
    vformat(console_sink, 0, fmt, ap);
}

void kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vkprintf(fmt, ap);
    va_end(ap);
}
