/* Reading a file of the volume the stub was loaded from (simple file
 * system protocol) into pages below 4 GiB (Multiboot v2 modules carry
 * 32-bit addresses). Part of the stub: no absolute addresses. */
#include "efi.h"

static const struct efi_guid simple_fs_guid = EFI_SIMPLE_FILE_SYSTEM_GUID;

struct efi_blob efi_read_file(struct efi_system_table *st, struct efi_loaded_image *li,
                              const efi_char *path)
{
    struct efi_boot_services *bs = st->boot_services;
    struct efi_simple_file_system *fs;
    struct efi_file *root, *f;
    efi_status s = bs->handle_protocol(li->device_handle, &simple_fs_guid, (void **)&fs);
    if (s)
        efi_panic("the boot device has no simple file system protocol", s);
    if ((s = fs->open_volume(fs, &root)))
        efi_panic("cannot open the boot volume", s);
    if (root->open(root, &f, path, EFI_FILE_MODE_READ, 0)) {
        root->close(root);
        return (struct efi_blob){0, 0};
    }
    uint64_t size = 0;
    if ((s = f->set_position(f, ~0ull)) || (s = f->get_position(f, &size)) ||
        (s = f->set_position(f, 0)))
        efi_panic("cannot find a file's size on the boot volume", s);
    uint64_t base = 0xffffffff;
    uint64_t pages = (size + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
    if (size && (s = bs->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA, pages, &base)))
        efi_panic("no memory below 4 GiB for a file of the boot volume", s);
    uint64_t got = size;
    if (size && ((s = f->read(f, &got, (void *)(uintptr_t)base)) || got != size))
        efi_panic("cannot read a file of the boot volume", s);
    f->close(f);
    root->close(root);
    return (struct efi_blob){size ? base : 0, size};
}
