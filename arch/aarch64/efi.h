/* The few UEFI (2.10) interfaces the EFI stub uses, declared from the
 * specification: system table, boot services, loaded image, simple file
 * system, file, text output. All calls follow AAPCS64 (UEFI on AArch64). */
#pragma once
#include <stdint.h>

typedef uint64_t efi_status;
typedef uint16_t efi_char;
typedef void *efi_handle;

#define EFI_ERROR_BIT (1ull << 63)
#define EFI_SUCCESS 0
#define EFI_INVALID_PARAMETER (EFI_ERROR_BIT | 2)
#define EFI_BUFFER_TOO_SMALL (EFI_ERROR_BIT | 5)

struct efi_guid {
    uint32_t d1;
    uint16_t d2, d3;
    uint8_t d4[8];
};

struct efi_table_header {
    uint64_t signature;
    uint32_t revision, header_size, crc32, reserved;
};

struct efi_text_output {
    void *reset;
    efi_status (*output_string)(struct efi_text_output *self, const efi_char *s);
};

enum efi_allocate_type { EFI_ALLOCATE_ANY = 0, EFI_ALLOCATE_MAX_ADDRESS = 1, EFI_ALLOCATE_ADDRESS = 2 };
enum { EFI_LOADER_DATA = 2 };
#define EFI_PAGE_SIZE 4096u

struct efi_boot_services {
    struct efi_table_header hdr;
    void *raise_tpl, *restore_tpl;
    efi_status (*allocate_pages)(enum efi_allocate_type type, uint32_t memory_type,
                                 uint64_t pages, uint64_t *memory);
    void *free_pages;
    efi_status (*get_memory_map)(uint64_t *map_size, void *map, uint64_t *map_key,
                                 uint64_t *desc_size, uint32_t *desc_version);
    efi_status (*allocate_pool)(uint32_t pool_type, uint64_t size, void **buffer);
    void *free_pool;
    void *create_event, *set_timer, *wait_for_event, *signal_event, *close_event, *check_event;
    void *install_protocol, *reinstall_protocol, *uninstall_protocol;
    efi_status (*handle_protocol)(efi_handle handle, const struct efi_guid *protocol,
                                  void **interface);
    void *reserved, *register_protocol_notify, *locate_handle, *locate_device_path;
    void *install_configuration_table, *load_image, *start_image, *exit, *unload_image;
    efi_status (*exit_boot_services)(efi_handle image, uint64_t map_key);
};

enum { EFI_RESET_SHUTDOWN = 2 };

struct efi_runtime_services {
    struct efi_table_header hdr;
    void *get_time, *set_time, *get_wakeup_time, *set_wakeup_time;
    void *set_virtual_address_map, *convert_pointer;
    void *get_variable, *get_next_variable_name, *set_variable;
    void *get_next_high_monotonic_count;
    void (*reset_system)(uint32_t type, efi_status status, uint64_t size, const void *data);
};

struct efi_configuration_table {
    struct efi_guid vendor_guid;
    void *vendor_table;
};

struct efi_system_table {
    struct efi_table_header hdr;
    efi_char *firmware_vendor;
    uint32_t firmware_revision;
    efi_handle console_in_handle;
    void *con_in;
    efi_handle console_out_handle;
    struct efi_text_output *con_out;
    efi_handle standard_error_handle;
    struct efi_text_output *std_err;
    struct efi_runtime_services *runtime_services;
    struct efi_boot_services *boot_services;
    uint64_t number_of_table_entries;
    struct efi_configuration_table *configuration_table;
};

struct efi_loaded_image {
    uint32_t revision;
    efi_handle parent_handle;
    struct efi_system_table *system_table;
    efi_handle device_handle;
    void *file_path, *reserved;
    uint32_t load_options_size;
    void *load_options;
    void *image_base;
    uint64_t image_size;
    uint32_t image_code_type, image_data_type;
    void *unload;
};

struct efi_file {
    uint64_t revision;
    efi_status (*open)(struct efi_file *self, struct efi_file **new_file, const efi_char *name,
                       uint64_t mode, uint64_t attributes);
    efi_status (*close)(struct efi_file *self);
    void *delete_file;
    efi_status (*read)(struct efi_file *self, uint64_t *size, void *buffer);
    void *write;
    efi_status (*get_position)(struct efi_file *self, uint64_t *position);
    efi_status (*set_position)(struct efi_file *self, uint64_t position);
};
#define EFI_FILE_MODE_READ 1ull

struct efi_simple_file_system {
    uint64_t revision;
    efi_status (*open_volume)(struct efi_simple_file_system *self, struct efi_file **root);
};

/* GUIDs (UEFI 2.10 and ACPI/DT binding specs). */
#define EFI_LOADED_IMAGE_GUID \
    {0x5b1b31a1, 0x9562, 0x11d2, {0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b}}
#define EFI_SIMPLE_FILE_SYSTEM_GUID \
    {0x964e5b22, 0x6459, 0x11d2, {0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b}}
#define EFI_ACPI_20_TABLE_GUID \
    {0x8868e871, 0xe4f1, 0x11d3, {0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81}}
#define EFI_DTB_TABLE_GUID \
    {0xb1b621d5, 0xf19c, 0x41a5, {0x83, 0x0b, 0xd9, 0x15, 0x2c, 0x69, 0xaa, 0xe0}}

/* efi_print.c: output through ConOut (boot services only). */
void efi_print_init(struct efi_system_table *st);
void efi_puts(const char *s);
void efi_put_hex(uint64_t v);
/* Prints "@nova PANIC uefi: what[ value]" and powers off. */
_Noreturn void efi_panic(const char *what, efi_status status);

/* efi_file.c: reads a whole file of the boot volume into pages below
 * 4 GiB; 0 when absent. A present but unreadable file panics. */
struct efi_blob {
    uint64_t base, size;
};
struct efi_blob efi_read_file(struct efi_system_table *st, struct efi_loaded_image *li,
                              const efi_char *path);
