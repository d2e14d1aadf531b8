"""The machine table and the loaders' command lines."""
import pytest

from novalab import boot, profiles


def test_required_profiles_exist():
    names = profiles.names()
    for n in ("qemu-x86_64", "qemu-x86_64-grub", "qemu-aarch64-virt", "qemu-aarch64-virt-gicv3",
              "qemu-aarch64-zcu102"):
        assert n in names
    assert profiles.DEFAULT == "qemu-x86_64"
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("p", profiles.PROFILES, ids=lambda p: p.name)
def test_profile_is_consistent(p):
    assert p.loader in boot.LOADERS
    assert p.arch in ("x86_64", "aarch64")
    assert p.emulator.endswith(p.arch)
    assert p.pass_status == 33 and p.fail_status == 35
    assert {"-serial", "stdio", "-nodefaults"} <= set(p.args)
    t = p.timeouts
    assert 0 < t.exit < t.silence < t.boot < t.total


def test_x86_has_debug_exit_and_zcu102_a_dtb():
    assert "isa-debug-exit,iobase=0xf4,iosize=0x04" in profiles.by_name("qemu-x86_64").args
    z = profiles.by_name("qemu-aarch64-zcu102")
    assert z.files == {"dtb": "boards/zcu102.dtb"} and z.env["QEMU_AUDIO_DRV"] == "none"


def test_multiboot1_doubles_commas():
    inputs = boot.BootInputs("k.elf32", [("dir,x/root.elf", "root a,b")], "probes x=1")
    assert boot.multiboot1(inputs, None) == [
        "-kernel", "k.elf32", "-append", "probes x=1", "-initrd", "dir,,x/root.elf root a,,b"]


def test_arm64_image_passes_dtb_and_initrd():
    inputs = boot.BootInputs("k.img", [("root.elf", "root")], "probes", {"dtb": "z.dtb"})
    assert boot.arm64_image(inputs, None) == [
        "-kernel", "k.img", "-append", "probes", "-initrd", "root.elf", "-dtb", "z.dtb"]


def test_grub_words_quote_for_grub_script():
    assert boot._grub_words("probes a'b") == "'probes' 'a'\\''b'"


def test_grub_iso_tree_and_config(tmp_path, monkeypatch):
    kernel, root = tmp_path / "nova.elf", tmp_path / "root.elf"
    kernel.write_bytes(b"k")
    root.write_bytes(b"r")
    calls = []

    def fake_run(argv, **kw):
        calls.append(argv)
        open(argv[2], "wb").close()        # the ISO appears
        return type("Done", (), {"returncode": 0, "stderr": ""})()

    monkeypatch.setattr(boot.subprocess, "run", fake_run)
    work = tmp_path / "work"
    work.mkdir()
    args = boot.grub_multiboot2(boot.BootInputs(str(kernel), [(str(root), "root")], "probes"), str(work))
    assert args == ["-cdrom", str(work / "nova.iso")]
    assert calls[0][:2] == ["grub-mkrescue", "-o"]
    cfg = (work / "iso" / "boot" / "grub" / "grub.cfg").read_text()
    for line in ("serial --unit=0 --speed=115200", "terminal_input serial",
                 "terminal_output serial", "set timeout=0",
                 "multiboot2 /boot/nova.elf 'probes'", "module2 /boot/root.elf 'root'"):
        assert line in cfg
    assert (work / "iso" / "boot" / "nova.elf").read_bytes() == b"k"


def test_grub_mkrescue_failure_is_a_boot_error(tmp_path, monkeypatch):
    (tmp_path / "k").write_bytes(b"k")
    monkeypatch.setattr(boot.subprocess, "run", lambda argv, **kw: type(
        "Done", (), {"returncode": 1, "stderr": "grub-mkrescue: error: xorriso not found\n"})())
    with pytest.raises(boot.BootError, match="xorriso not found"):
        boot.grub_multiboot2(boot.BootInputs(str(tmp_path / "k"), [], "probes"), str(tmp_path))


def test_suites_pick_image_root_and_cmdline():
    from novalab import profiles
    user, kernel = profiles.SUITES["user"], profiles.SUITES["kernel"]
    for p in profiles.PROFILES:
        assert profiles.image_for(p, kernel) == p.image and "-test" in p.image
        assert profiles.image_for(p, user) == p.image.replace("-test", "")
    assert kernel.cmdline == "probes" and user.cmdline == ""
    assert kernel.root.endswith("root-stub.elf")
    for p in profiles.PROFILES:
        assert profiles.root_for(p, user).startswith("testsuite/user/nova-probes")


def test_uefi_esp_tree_and_drive(tmp_path, monkeypatch):
    kernel, root = tmp_path / "nova.efi", tmp_path / "probes.elf"
    kernel.write_bytes(b"MZ")
    root.write_bytes(b"\x7fELF")
    firmware = tmp_path / "QEMU_EFI.fd"
    firmware.write_bytes(b"fw")
    monkeypatch.setattr(boot, "UEFI_FIRMWARE", (str(tmp_path / "missing.fd"), str(firmware)))
    work = tmp_path / "work"
    work.mkdir()
    args = boot.uefi_esp(boot.BootInputs(str(kernel), [(str(root), "")], "probes x"), str(work))
    esp = work / "esp"
    assert (esp / "EFI" / "BOOT" / "BOOTAA64.EFI").read_bytes() == b"MZ"
    assert (esp / "nova" / "root.elf").read_bytes() == b"\x7fELF"
    assert (esp / "nova" / "cmdline").read_text() == "probes x\n"
    assert args == ["-bios", str(firmware),
                    "-drive", f"if=none,id=esp,format=raw,readonly=on,file=fat:{esp}",
                    "-device", "virtio-blk-pci,drive=esp"]


def test_uefi_esp_needs_firmware(tmp_path, monkeypatch):
    monkeypatch.setattr(boot, "UEFI_FIRMWARE", (str(tmp_path / "missing.fd"),))
    with pytest.raises(boot.BootError, match="qemu-efi-aarch64"):
        boot.uefi_esp(boot.BootInputs("k.efi", [], ""), str(tmp_path))
