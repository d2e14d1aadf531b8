"""Publishing: what each target deploys lands in one tree, or is reported."""
import hashlib
import json

import pytest

from novalava import artifacts, bootimg, inventory


def fake_build(tmp_path):
    root = tmp_path / "build"
    for arch, images in (("x86_64", ["nova-pc-test.elf32", "nova-pc-test.elf"]),
                         ("aarch64", [f"nova-{b}-test.img" for b in
                                      ("qemu", "uefi", "zcu102", "ultra96", "imx8mq",
                                       "rcar3", "rpi4", "tegrax1", "sdm670")])):
        (root / arch / "testsuite" / "user").mkdir(parents=True)
        (root / arch / "testsuite" / "user" / "root-stub.elf").write_bytes(b"ROOT-" + arch.encode())
        for i in images:
            (root / arch / i).write_bytes(b"IMAGE " + i.encode())
    return root


@pytest.fixture
def targets(monkeypatch, tmp_path):
    ts = inventory.load()
    fw = tmp_path / "QEMU_EFI.fd"
    fw.write_bytes(b"firmware")
    import dataclasses
    return [dataclasses.replace(t, firmware=str(fw)) if t.firmware else t for t in ts]


def test_publish_everything(tmp_path, targets):
    pub = tmp_path / "pub"
    done, errors = artifacts.publish(targets, str(pub), str(fake_build(tmp_path)))
    assert errors == {}
    assert done["qemu-x86_64"] == {"kernel": "x86_64/nova-pc-test.elf32",
                                   "ramdisk": "x86_64/root-stub.elf"}
    assert done["qemu-aarch64-uefi"]["firmware"] == "firmware/QEMU_EFI.fd"
    assert (pub / "aarch64" / "root-stub.elf").read_bytes() == b"ROOT-aarch64"
    boot = bootimg.parse((pub / done["sdm670"]["boot"]).read_bytes())
    assert boot["kernel"] == b"IMAGE nova-sdm670-test.img"
    assert boot["ramdisk"] == b"ROOT-aarch64" and boot["cmdline"] == "probes"
    manifest = json.loads((pub / "manifest.json").read_text())["files"]
    assert manifest["x86_64/nova-pc-test.elf"] == hashlib.sha256(b"IMAGE nova-pc-test.elf").hexdigest()
    assert len(manifest) == 14   # 3 x86_64, 9 aarch64 + boot.img, firmware


def test_missing_inputs_are_reported_per_target(tmp_path, targets):
    build = fake_build(tmp_path)
    (build / "aarch64" / "nova-rpi4-test.img").unlink()
    done, errors = artifacts.publish(targets, str(tmp_path / "pub"), str(build))
    assert list(errors) == ["rpi4"] and "nova-rpi4-test.img" in errors["rpi4"]
    assert "rpi4" not in done and "zcu102" in done


def test_urls():
    rel = {"kernel": "aarch64/k.img"}
    assert artifacts.urls(rel, "http://lab/nova/abc/") == {"kernel": "http://lab/nova/abc/aarch64/k.img"}
    assert artifacts.file_prefix("/srv/pub") == "file:///srv/pub"
