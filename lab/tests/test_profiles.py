"""The machine table and the loaders' command lines."""
import pytest

from novalab import boot, profiles


def test_required_profiles_exist():
    names = profiles.names()
    for n in ("qemu-x86_64", "qemu-x86_64-grub", "qemu-aarch64-virt", "qemu-aarch64-zcu102"):
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
