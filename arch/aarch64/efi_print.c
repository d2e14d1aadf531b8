/* The EFI stub's console: ASCII through ConOut (UCS-2, CRLF), while boot
 * services last. Part of the stub: no absolute addresses (efi_stub.c). */
#include "efi.h"

static struct efi_text_output *con_out;
static struct efi_runtime_services *runtime;

void efi_print_init(struct efi_system_table *st)
{
    con_out = st->con_out;
    runtime = st->runtime_services;
}

void efi_puts(const char *s)
{
    efi_char buf[64];
    unsigned n = 0;
    while (con_out && *s) {
        if (*s == '\n')
            buf[n++] = '\r';
        buf[n++] = (efi_char)(unsigned char)*s++;
        if (n >= sizeof buf / sizeof buf[0] - 2 || !*s) {
            buf[n] = 0;
            con_out->output_string(con_out, buf);
            n = 0;
        }
    }
}

void efi_put_hex(uint64_t v)
{
    char s[19] = "0x";
    int digits = 1;
    while (digits < 16 && v >> (4 * digits))
        digits++;
    for (int i = 0; i < digits; i++) {
        unsigned d = (v >> (4 * (digits - 1 - i))) & 0xf;
        s[2 + i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    }
    s[2 + digits] = 0;
    efi_puts(s);
}

_Noreturn void efi_panic(const char *what, efi_status status)
{
    efi_puts("\n@nova PANIC uefi: ");
    efi_puts(what);
    if (status) {
        efi_puts(" (EFI status ");
        efi_put_hex(status);
        efi_puts(")");
    }
    efi_puts("\n");
    if (runtime)
        runtime->reset_system(EFI_RESET_SHUTDOWN, EFI_SUCCESS, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}
