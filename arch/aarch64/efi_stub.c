/* The kernel as an EFI application (every aarch64 image carries the PE/COFF
 * header, head.S; the `uefi` board is the one meant for it). Entered by the
 * firmware at EL2 with the MMU and caches on, through efi_entry (efi_entry.S):
 *  1. the kernel at its link address: the firmware loads the image at the
 *     PE ImageBase (= link address) when it can; otherwise the stub claims
 *     that range with AllocatePages(AllocateAddress) and copies the image
 *     there (the kernel is not relocatable: absolute addresses in data and
 *     literal pools, an identity map built around the link address);
 *  2. the ACPI 2.0 RSDP from the configuration table (required);
 *  3. the root task \nova\root.elf from the boot volume, the command line
 *     from the load options or else \nova\cmdline;
 *  4. a Multiboot v2 information (interface §5.3's launch type for UEFI)
 *     with command line, module, RSDP copy and the memory map as it is
 *     after ExitBootServices (retried on a stale map key);
 *  5. efi_enter_kernel: clean to the PoC, MMU and caches off, _start with
 *     x0 = the Multiboot v2 magic, x1 = the information.
 * Until step 5 this code runs wherever the firmware put the image, so it
 * and what it calls use PC-relative addresses only (meson checks the
 * objects for absolute relocations), and it writes only its own bss. */
#include "efi.h"
#include "efi_mmap.h"
#include "mb2_build.h"
#include "multiboot.h"
#include <string.h>

/* What efi_entry.S measured: where the image runs and where it is linked. */
struct efi_layout {
    uint64_t load, link;    /* _start now and at link time */
    uint64_t file_size;     /* bytes the file holds (text and data) */
    uint64_t image_size;    /* everything, bss and kernel memory included */
};

_Noreturn void efi_enter_kernel(uint64_t mb2_info, uint64_t info_size, uint64_t module,
                                uint64_t module_size);
efi_status efi_main(efi_handle image, struct efi_system_table *st, const struct efi_layout *l);

enum { INFO_PAGES = 4, EXIT_TRIES = 4, RSDP_V2_LEN = 36 };

static const struct efi_guid loaded_image_guid = EFI_LOADED_IMAGE_GUID;
static const struct efi_guid acpi20_guid = EFI_ACPI_20_TABLE_GUID;
static const struct efi_guid dtb_guid = EFI_DTB_TABLE_GUID;
static const efi_char root_path[] = u"\\nova\\root.elf";
/* EDK2's file system of QEMU's -kernel/-initrd (fw_cfg) names it so. */
static const efi_char initrd_file[] = u"initrd";
static const efi_char cmdline_path[] = u"\\nova\\cmdline";

static uint64_t pages(uint64_t bytes) { return (bytes + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE; }

static void *config_table(struct efi_system_table *st, const struct efi_guid *g)
{
    for (uint64_t i = 0; i < st->number_of_table_entries; i++)
        if (!memcmp(&st->configuration_table[i].vendor_guid, g, sizeof *g))
            return st->configuration_table[i].vendor_table;
    return 0;
}

static void kernel_at_link_address(struct efi_boot_services *bs, const struct efi_layout *l)
{
    efi_puts("nova: UEFI stub, image at ");
    efi_put_hex(l->load);
    if (l->load == l->link) {
        efi_puts(" (its link address)\n");
        return;
    }
    efi_puts(", claiming the link address ");
    efi_put_hex(l->link);
    efi_puts("\n");
    uint64_t at = l->link;
    efi_status s = bs->allocate_pages(EFI_ALLOCATE_ADDRESS, EFI_LOADER_DATA, pages(l->image_size), &at);
    if (s)
        efi_panic("the kernel's link address range is not free memory", s);
    memcpy((void *)(uintptr_t)l->link, (const void *)(uintptr_t)l->load, l->file_size);
}

/* Keeps printable ASCII of s[0..n) in buf (other bytes become spaces),
 * without trailing blanks; the length. */
static size_t clean_text(char *buf, size_t cap, const uint8_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        buf[k++] = s[i] >= 0x20 && s[i] <= 0x7e ? (char)s[i] : ' ';
    while (k && buf[k - 1] == ' ')
        k--;
    buf[k] = 0;
    return k;
}

/* The UEFI shell passes the command line with the program first. */
static bool names_a_program(const char *w, size_t len)
{
    return len > 4 && w[len - 4] == '.' && (w[len - 3] | 0x20) == 'e' &&
           (w[len - 2] | 0x20) == 'f' && (w[len - 1] | 0x20) == 'i';
}

/* The load options when they are printable UCS-2 text (a boot option's
 * binary data is not), else the file \nova\cmdline, else nothing. */
static size_t command_line(struct efi_system_table *st, struct efi_loaded_image *li, char *buf,
                           size_t cap)
{
    const efi_char *o = li->load_options;
    size_t count = o ? li->load_options_size / 2 : 0, n = 0;
    bool text = count > 0;
    for (size_t i = 0; text && i < count && o[i]; i++)
        text = o[i] >= 0x20 && o[i] <= 0x7e;
    for (size_t i = 0; text && i < count && o[i] && n + 1 < cap; i++)
        buf[n++] = (char)o[i];
    buf[n] = 0;
    if (text) {
        size_t first = 0;
        while (first < n && buf[first] != ' ')
            first++;
        if (names_a_program(buf, first)) {
            while (first < n && buf[first] == ' ')
                first++;
            memmove(buf, buf + first, n - first + 1);
            n -= first;
        }
        if (n)
            return n;
    }
    struct efi_blob f = efi_read_file(st, li, cmdline_path);
    return f.size ? clean_text(buf, cap, (const uint8_t *)(uintptr_t)f.base, f.size) : 0;
}

/* Boot data into info, the memory map last; ExitBootServices. Only memory
 * map calls are allowed between a failed ExitBootServices and the retry. */
static uint32_t build_and_exit(efi_handle image, struct efi_boot_services *bs, uint8_t *info,
                               const char *cmdline, size_t cmdline_len, struct efi_blob root,
                               const void *rsdp)
{
    uint64_t map_size = 0, key, desc_size;
    uint32_t desc_version;
    efi_status s = bs->get_memory_map(&map_size, 0, &key, &desc_size, &desc_version);
    if (s != EFI_BUFFER_TOO_SMALL || !desc_size)
        efi_panic("GetMemoryMap does not report the map's size", s);
    uint64_t cap = map_size + 16 * desc_size;   /* the pools below add entries */
    void *map;
    struct efi_range *ranges;
    unsigned max = (unsigned)(cap / desc_size);
    if ((s = bs->allocate_pool(EFI_LOADER_DATA, cap, &map)) ||
        (s = bs->allocate_pool(EFI_LOADER_DATA, max * sizeof *ranges, (void **)&ranges)))
        efi_panic("no memory for the memory map", s);
    for (unsigned tries = 0; tries < EXIT_TRIES; tries++) {
        map_size = cap;
        if ((s = bs->get_memory_map(&map_size, map, &key, &desc_size, &desc_version)))
            efi_panic("GetMemoryMap failed", s);
        unsigned n;
        boot_error err = efi_mmap_ranges(map, map_size, desc_size, ranges, max, &n);
        if (err)
            efi_panic(err, 0);
        struct mb2_build b;
        mb2_begin(&b, info, INFO_PAGES * EFI_PAGE_SIZE);
        mb2_cmdline(&b, cmdline, cmdline_len);
        if (root.size)
            mb2_module(&b, (uint32_t)root.base, (uint32_t)(root.base + root.size), "root.elf", 8);
        mb2_acpi_new(&b, rsdp, RSDP_V2_LEN);
        mb2_mmap_begin(&b);
        for (unsigned i = 0; i < n; i++)
            mb2_mmap_add(&b, ranges[i].base, ranges[i].size, ranges[i].type);
        mb2_mmap_end(&b);
        if ((err = mb2_end(&b)))
            efi_panic(err, 0);
        s = bs->exit_boot_services(image, key);
        if (!s)
            return b.len;
        if (s != EFI_INVALID_PARAMETER)         /* anything but a stale key */
            break;
    }
    efi_panic("ExitBootServices keeps refusing the memory map key", s);
}

efi_status efi_main(efi_handle image, struct efi_system_table *st, const struct efi_layout *l)
{
    struct efi_boot_services *bs = st->boot_services;
    efi_print_init(st);
    kernel_at_link_address(bs, l);

    const uint8_t *rsdp = config_table(st, &acpi20_guid);
    if (!rsdp)
        efi_panic("no ACPI 2.0 RSDP in the UEFI configuration table (the kernel needs ACPI here)", 0);
    if (memcmp(rsdp, "RSD PTR ", 8) || rsdp[15] < 2)
        efi_panic("the UEFI configuration table's ACPI 2.0 entry is no ACPI 2.0 RSDP", 0);
    if (config_table(st, &dtb_guid))
        efi_puts("nova: the firmware also offers a DTB; ACPI is used\n");

    struct efi_loaded_image *li;
    efi_status s = bs->handle_protocol(image, &loaded_image_guid, (void **)&li);
    if (s)
        efi_panic("no loaded image protocol for the kernel", s);
    char cmdline[256];
    size_t cmdline_len = command_line(st, li, cmdline, sizeof cmdline);
    /* \nova\root.elf on an ESP, else QEMU's -initrd; without either the
     * kernel runs without a module: a test image runs its probes, a
     * regular one stops with "root: no root module was loaded". */
    struct efi_blob root = efi_read_file(st, li, root_path);
    if (!root.size)
        root = efi_read_file(st, li, initrd_file);
    if (root.size) {
        efi_puts("nova: root task ");
        efi_put_hex(root.size);
        efi_puts(" bytes at ");
        efi_put_hex(root.base);
    } else
        efi_puts("nova: no root task (neither \\nova\\root.elf nor an initrd on the boot volume)");
    efi_puts(", command line \"");
    efi_puts(cmdline);
    efi_puts("\"; exiting boot services\n");

    uint64_t info = 0xffffffff;
    if ((s = bs->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA, INFO_PAGES, &info)))
        efi_panic("no memory below 4 GiB for the boot information", s);
    uint32_t len = build_and_exit(image, bs, (uint8_t *)(uintptr_t)info, cmdline, cmdline_len,
                                  root, rsdp);
    efi_enter_kernel(info, len, root.base, root.size);
}
