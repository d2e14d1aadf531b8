"""The board inventory: complete, consistent with the build, strict on load."""
import os
import re

import pytest

from novalab import paths
from novalava import devices, inventory


@pytest.fixture(scope="module")
def targets():
    return inventory.load()


def build_boards():
    """Boards the build links images for (boards/meson.build)."""
    text = open(os.path.join(paths.REPO, "boards", "meson.build")).read()
    block = text[text.index("board_link_base"):text.index("}")]
    return set(re.findall(r"'(\w+)':", block))


def test_every_board_of_the_build_has_a_target(targets):
    assert build_boards() <= {t.board for t in targets}
    assert len(build_boards()) == 10


def test_targets_are_consistent(targets):
    for t in targets:
        assert t.image.startswith(f"nova-{t.board}-test."), t.name
        assert t.expect_file().startswith(os.path.join(paths.REPO, "lab", "expect")), t.name
        assert t.expected_cases(), t.name
        assert set(t.timeouts) == set(inventory.PHASES)
        assert t.machine == "lava/" + t.name


def test_device_types_exist(targets):
    if devices.stock_dir() is None:
        pytest.fail("stock device types missing: run ci/setup")
    for t in targets:
        assert devices.known_device_type(t.device_type), t.device_type


def test_run_here_targets_are_emulated(targets):
    here = {t.name for t in targets if t.run_here}
    assert {"qemu-x86_64", "qemu-aarch64", "qemu-aarch64-uboot"} <= here
    for t in targets:
        if t.run_here:
            assert os.path.isfile(os.path.join(devices.LOCAL, t.name + ".jinja2"))


def test_timeout_override_merges_defaults(targets):
    sdm = inventory.by_name(targets, "sdm670")
    assert sdm.timeouts["boot"] == 5 and sdm.timeouts["job"] == 10


def write(tmp_path, body):
    p = tmp_path / "inv.yaml"
    p.write_text("defaults: {suite: kernel, root: r.elf, timeouts: {job: 1, deploy: 1, boot: 1, test: 1}}\n"
                 "targets:\n" + body)
    return str(p)


GOOD = ("  a:\n    board: qemu\n    arch: aarch64\n    class: qemu\n    device_type: qemu\n"
        "    boot_method: qemu\n    image: i.img\n    image_kind: arm64-image\n")


def test_minimal_inventory_loads(tmp_path):
    (t,) = inventory.load(write(tmp_path, GOOD))
    assert t.klass == "qemu" and t.root == "r.elf" and not t.run_here


@pytest.mark.parametrize("edit, why", [
    (lambda s: s + "    colour: red\n", "unknown key"),
    (lambda s: s.replace("    image: i.img\n", ""), "missing image"),
    (lambda s: s.replace("class: qemu", "class: pxe"), "class"),
    (lambda s: s.replace("arm64-image", "zImage"), "image_kind"),
    (lambda s: s.replace("arch: aarch64", "arch: riscv64"), "arch"),
    (lambda s: s + "    timeouts: {boot: 0}\n", "timeouts"),
    (lambda s: s + "    timeouts: {reboot: 1}\n", "timeouts"),
    (lambda s: s.replace("board: qemu", "board: nosuch") + "    suite: nosuite\n",
     "no expected-case list"),
])
def test_bad_inventories_are_refused(tmp_path, edit, why):
    with pytest.raises(inventory.InventoryError, match=why):
        inventory.load(write(tmp_path, edit(GOOD)))


def test_select(targets):
    assert [t.name for t in inventory.select(targets, ["rpi4", "pc"])] == ["rpi4", "pc"]
    assert all(t.run_here for t in inventory.select(targets, run_here=True))
    with pytest.raises(KeyError):
        inventory.select(targets, ["nosuch"])
