/* printf to the board UART; '\n' becomes "\r\n" for terminals. */
#include "libnova/console.h"
#include "libnova/board.h"
#include "libnova/fmt.h"

static bool ready;

unsigned nova_console_init(void)
{
    unsigned s = nova_board.uart->attach(nova_board.uart_base);
    ready = s == 0;
    return s;
}

bool nova_console_ready(void)
{
    return ready;
}

void nova_putc(char c)
{
    if (!ready)
        return;
    if (c == '\n')
        nova_board.uart->putc('\r');
    nova_board.uart->putc(c);
}

void nova_puts(const char *s)
{
    while (*s)
        nova_putc(*s++);
}

static void sink(void *ctx, char c)
{
    (void)ctx;
    nova_putc(c);
}

void nova_vprintf(const char *fmt, va_list ap)
{
    nova_vformat(sink, 0, fmt, ap);
}

void nova_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nova_vprintf(fmt, ap);
    va_end(ap);
}

void nova_console_flush(void)
{
    if (ready)
        nova_board.uart->flush();
}
