"""Loaders: turn (profile, kernel image, modules, cmdline) into emulator
options. Each loader is one function; profiles name it in `loader`.

A loader raises BootError when it cannot prepare the boot (an infrastructure
error, not a test failure).
"""
import os
import shutil
import subprocess


class BootError(Exception):
    pass


class BootInputs:
    """What to boot: image, modules [(path, args)], extra files, cmdline."""

    def __init__(self, image, modules, cmdline, files=None):
        self.image = image
        self.modules = modules
        self.cmdline = cmdline
        self.files = files or {}


def _qemu_module_list(modules):
    # QEMU's -initrd separates modules with ',' so a literal one is doubled.
    return ",".join(" ".join(filter(None, (path, args))).replace(",", ",,")
                    for path, args in modules)


def multiboot1(inputs, workdir):
    """QEMU's built-in multiboot v1 loader (-kernel wants an ELF32)."""
    args = ["-kernel", inputs.image, "-append", inputs.cmdline]
    if inputs.modules:
        args += ["-initrd", _qemu_module_list(inputs.modules)]
    return args


def arm64_image(inputs, workdir):
    """QEMU's arm64 Linux-style boot: Image at EL2, x0 = DTB, initrd in /chosen."""
    args = ["-kernel", inputs.image, "-append", inputs.cmdline]
    if len(inputs.modules) > 1:
        raise BootError("this loader passes one module (the initrd) only")
    if inputs.modules:
        args += ["-initrd", inputs.modules[0][0]]
    if "dtb" in inputs.files:
        args += ["-dtb", inputs.files["dtb"]]
    return args


def _grub_words(text):
    # Single-quote every word so GRUB's script parser passes it on verbatim.
    return " ".join("'" + w.replace("'", "'\\''") + "'" for w in text.split())


GRUB_CFG = """\
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
menuentry "nova" {{
    multiboot2 /boot/nova.elf {cmdline}
{modules}    boot
}}
"""


def grub_multiboot2(inputs, workdir):
    """Builds a GRUB rescue ISO in workdir and boots it as a CD (SeaBIOS)."""
    tree = os.path.join(workdir, "iso")
    os.makedirs(os.path.join(tree, "boot", "grub"))
    shutil.copyfile(inputs.image, os.path.join(tree, "boot", "nova.elf"))
    lines = []
    for i, (path, args) in enumerate(inputs.modules):
        name = "root.elf" if i == 0 else f"module{i}.bin"
        shutil.copyfile(path, os.path.join(tree, "boot", name))
        lines.append(f"    module2 /boot/{name} {_grub_words(args)}\n")
    with open(os.path.join(tree, "boot", "grub", "grub.cfg"), "w") as f:
        f.write(GRUB_CFG.format(cmdline=_grub_words(inputs.cmdline),
                                modules="".join(lines)))
    iso = os.path.join(workdir, "nova.iso")
    try:
        done = subprocess.run(["grub-mkrescue", "-o", iso, tree],
                              stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors="replace", timeout=120)
    except FileNotFoundError:
        raise BootError("grub-mkrescue not found (run ci/setup)") from None
    except subprocess.TimeoutExpired:
        raise BootError("grub-mkrescue timed out") from None
    if done.returncode != 0 or not os.path.exists(iso):
        tail = done.stderr.strip().splitlines()[-3:]
        raise BootError(f"grub-mkrescue failed ({done.returncode}): " + " | ".join(tail))
    return ["-cdrom", iso]


# UEFI for QEMU virt (Debian package qemu-efi-aarch64; AAVMF is its other name).
UEFI_FIRMWARE = ("/usr/share/qemu-efi-aarch64/QEMU_EFI.fd", "/usr/share/AAVMF/AAVMF_CODE.fd")


def uefi_esp(inputs, workdir):
    """UEFI firmware booting the kernel as EFI/BOOT/BOOTAA64.EFI from an ESP
    directory (QEMU's read-only vvfat on virtio-blk); the EFI stub reads
    nova/root.elf and the command line from nova/cmdline."""
    firmware = next((f for f in UEFI_FIRMWARE if os.path.exists(f)), None)
    if firmware is None:
        raise BootError("no UEFI firmware (" + " or ".join(UEFI_FIRMWARE)
                        + "): install qemu-efi-aarch64 (ci/setup)")
    if len(inputs.modules) > 1:
        raise BootError("this loader passes one module (the root task) only")
    esp = os.path.join(workdir, "esp")
    os.makedirs(os.path.join(esp, "EFI", "BOOT"))
    os.makedirs(os.path.join(esp, "nova"))
    shutil.copyfile(inputs.image, os.path.join(esp, "EFI", "BOOT", "BOOTAA64.EFI"))
    if inputs.modules:
        shutil.copyfile(inputs.modules[0][0], os.path.join(esp, "nova", "root.elf"))
    with open(os.path.join(esp, "nova", "cmdline"), "w") as f:
        f.write(inputs.cmdline + "\n")
    return ["-bios", firmware,
            "-drive", f"if=none,id=esp,format=raw,readonly=on,file=fat:{esp}",
            "-device", "virtio-blk-pci,drive=esp"]


LOADERS = {
    "multiboot1": multiboot1,
    "grub-multiboot2": grub_multiboot2,
    "arm64-image": arm64_image,
    "uefi-esp": uefi_esp,
}
