/* Console output through the board's UART, after nova_console_init has
 * obtained it from the NOVA spaces. Output before that (or after a failed
 * attach) is dropped. */
#pragma once
#include <stdarg.h>
#include <stdbool.h>

/* Returns the NOVA status of the attach (0 = console usable). */
unsigned nova_console_init(void);
bool nova_console_ready(void);
void nova_putc(char c);
void nova_puts(const char *s);
__attribute__((format(printf, 1, 2))) void nova_printf(const char *fmt, ...);
void nova_vprintf(const char *fmt, va_list ap);
void nova_console_flush(void);
