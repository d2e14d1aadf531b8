"""Android boot images: our writer against Debian's mkbootimg, byte for byte."""
import shutil
import subprocess

import pytest

from novalava import bootimg

KERNEL = b"\x7fKERNEL" * 700
RAMDISK = b"\x7fELF root module"
DTB = b"\xd0\x0d\xfe\xed" + b"\0" * 60


def mkbootimg(tmp_path, version, dtb=None):
    if not shutil.which("mkbootimg"):
        pytest.fail("mkbootimg missing: run ci/setup")
    (tmp_path / "k").write_bytes(KERNEL)
    (tmp_path / "r").write_bytes(RAMDISK)
    args = ["mkbootimg", "--kernel", str(tmp_path / "k"), "--ramdisk", str(tmp_path / "r"),
            "--cmdline", "probes extra", "--header_version", str(version), "--base", "0",
            "--kernel_offset", "0x8000", "--ramdisk_offset", "0x1000000",
            "--tags_offset", "0x100", "--dtb_offset", "0x1f00000", "--pagesize", "4096",
            "--board", "sdm670", "-o", str(tmp_path / "ref.img")]
    if dtb:
        (tmp_path / "d").write_bytes(dtb)
        args += ["--dtb", str(tmp_path / "d")]
    subprocess.run(args, check=True)
    return (tmp_path / "ref.img").read_bytes()


@pytest.mark.parametrize("version", [0, 1, 2])
def test_same_bytes_as_mkbootimg(tmp_path, version):
    dtb = DTB if version == 2 else None
    ours = bootimg.build(KERNEL, RAMDISK, "probes extra", version=version, dtb=dtb, name="sdm670")
    assert ours == mkbootimg(tmp_path, version, dtb)


def test_parse_round_trip():
    img = bootimg.parse(bootimg.build(KERNEL, RAMDISK, "probes", version=2, dtb=DTB))
    assert (img["kernel"], img["ramdisk"], img["dtb"]) == (KERNEL, RAMDISK, DTB)
    assert img["cmdline"] == "probes" and img["page_size"] == 4096 and img["version"] == 2
    assert img["kernel_addr"] == 0x8000 and img["ramdisk_addr"] == 0x1000000


def test_v1_appends_a_dtb_to_the_kernel():
    img = bootimg.parse(bootimg.build(KERNEL, RAMDISK, "probes", version=1, dtb=DTB))
    assert img["kernel"] == KERNEL + DTB and "dtb" not in img


def test_long_command_line_spills_into_extra():
    cmd = "probes " + "x" * 900
    assert bootimg.parse(bootimg.build(KERNEL, RAMDISK, cmd))["cmdline"] == cmd
    with pytest.raises(ValueError):
        bootimg.build(KERNEL, RAMDISK, "y" * 1536)


def test_refusals():
    with pytest.raises(ValueError, match="v2 needs a DTB"):
        bootimg.build(KERNEL, RAMDISK, "probes", version=2)
    with pytest.raises(ValueError):
        bootimg.build(KERNEL, RAMDISK, "probes", version=3)
    with pytest.raises(ValueError):
        bootimg.parse(b"NOTANDROID" + b"\0" * 4096)
