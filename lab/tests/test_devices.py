"""Device dictionaries rendered the way a LAVA server renders them."""
import os

import pytest
import yaml

from novalava import devices, inventory, jobs

URLS = {"kernel": "http://x/k", "ramdisk": "http://x/r", "boot": "http://x/b",
        "firmware": "http://x/fw"}
LOCAL_VARS = {"nova_board": "/lab/qemu-board", "nova_state": "/w/state", "nova_tftp": "/w/tftp"}


@pytest.fixture(scope="module")
def targets():
    if devices.stock_dir() is None:
        pytest.fail("LAVA's stock device types missing: run ci/setup")
    return inventory.load()


def device_for(t):
    text = jobs.render(t, URLS, jobs.metadata(t, "c", "default"))
    return yaml.safe_load(devices.for_job(t, text, LOCAL_VARS))


def test_every_device_offers_the_jobs_boot_method(targets):
    for t in targets:
        dev = device_for(t)
        assert t.boot_method in dev["actions"]["boot"]["methods"], t.name
        if t.device_type != "qemu":     # LAVA runs qemu itself; boards need a console
            assert dev["commands"]["connect"], t.name


def test_job_context_reaches_the_device(targets):
    dev = device_for(inventory.by_name(targets, "qemu-aarch64"))
    qemu = dev["actions"]["boot"]["methods"]["qemu"]["parameters"]
    assert qemu["command"] == "qemu-system-aarch64"
    assert "-machine virt,virtualization=on" in qemu["options"]
    assert "-enable-kvm" not in qemu["options"]       # no_kvm: true


def test_qemu_played_board_commands(targets):
    dev = device_for(inventory.by_name(targets, "qemu-aarch64-uboot"))
    c = dev["commands"]
    assert c["connect"].startswith("/lab/qemu-board /w/state console qemu-system-aarch64 ")
    assert "tftp=/w/tftp" in c["connect"] and "-no-reboot" not in c["connect"]
    assert c["power_on"] == "/lab/qemu-board /w/state on"
    assert c["power_off"] == "/lab/qemu-board /w/state off"
    booti = dev["parameters"]["booti"]
    assert booti["kernel"] == "0x40400000" and booti["ramdisk"] == "0x48000000"


def test_our_device_types_say_what_they_are(targets):
    for name in os.listdir(devices.OURS):
        text = open(os.path.join(devices.OURS, name)).read()
        assert text.startswith("{# device_type: " + name[:-len(".jinja2")]), name
        assert "{% extends 'base-" in text, name


def test_physical_boards_get_a_placeholder_dictionary(targets):
    src = devices.dictionary_source(inventory.by_name(targets, "tegrax1"))
    assert src.startswith("{% extends 'jetson-tx1.jinja2' %}")
    dev = device_for(inventory.by_name(targets, "tegrax1"))
    assert dev["actions"]["boot"]["methods"]["u-boot"]["parameters"]["bootloader_prompt"] \
        == r"Tegra210 \(P2371-2180\)"


def test_unknown_device_type_and_missing_templates(targets, monkeypatch, tmp_path):
    t = inventory.by_name(targets, "rpi4")
    import dataclasses
    with pytest.raises(devices.DeviceError, match="neither stock nor"):
        devices.dictionary_source(dataclasses.replace(t, device_type="no-such-board"))
    monkeypatch.setenv("NOVA_LAVA_DEVICE_TYPES", str(tmp_path))
    monkeypatch.setattr(devices, "STOCK_CANDIDATES", ())
    assert devices.stock_dir() is None
    with pytest.raises(devices.DeviceError, match="ci/setup"):
        devices.render("{% extends 'qemu.jinja2' %}", {})


def test_broken_dictionary_is_an_error(targets):
    with pytest.raises(devices.DeviceError):
        devices.render("{% extends 'no-such.jinja2' %}", {})
    with pytest.raises(devices.DeviceError, match="no actions"):
        devices.render("just: text\n", {})
