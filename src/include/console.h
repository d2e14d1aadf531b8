/* Kernel console: formatted output to the board UART. */
#pragma once
#include <stdarg.h>

void console_putc(char c);
void console_puts(const char *s);
__attribute__((format(printf, 1, 2))) void kprintf(const char *fmt, ...);
void vkprintf(const char *fmt, va_list ap);
