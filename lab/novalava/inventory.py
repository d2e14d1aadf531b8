"""The board inventory (lab/inventory.yaml): targets, checked on load.

A target is one way of running one board. Unknown keys and missing required
ones are errors, so a typo never silently drops a board from the nightly run.
"""
import os
from dataclasses import dataclass, field

import yaml

from novalab import expect, paths

LAB = os.path.join(paths.REPO, "lab")
INVENTORY = os.path.join(LAB, "inventory.yaml")
CLASSES = ("qemu", "u-boot", "grub", "fastboot")
IMAGE_KINDS = ("elf32-multiboot1", "elf64-multiboot2", "arm64-image",
               "arm64-image-efi", "android-boot-image")
PHASES = ("job", "deploy", "boot", "test")
REQUIRED = ("board", "arch", "class", "device_type", "boot_method", "image", "image_kind")
OPTIONAL = ("dtb", "firmware", "expect", "run_here", "timeouts", "notes", "root", "suite",
            "icount")


class InventoryError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    name: str
    board: str
    arch: str
    klass: str               # job template class
    device_type: str
    boot_method: str
    image: str               # relative to build/<arch>
    image_kind: str
    root: str                # relative to build/<arch>
    suite: str
    timeouts: dict           # minutes per phase
    run_here: bool = False
    icount: bool = False     # QEMU: -icount shift=0, deterministic figures
    dtb: str = None
    firmware: str = None
    expect: str = None       # repo-relative override
    notes: str = ""
    extra: dict = field(default_factory=dict)

    def config(self):
        """The run config, shaped like the runner's (doc/runner.md): the
        results store compares runs of equal config only."""
        return {"icount": self.icount, "smp": None,
                "root": f"build/{self.arch}/{self.root}", "append": ""}

    @property
    def machine(self):
        """The machine name runs of this target carry in the results store."""
        return "lava/" + self.name

    def expect_file(self):
        """Path of the expected-case list (lab/expect lookup unless overridden)."""
        if self.expect:
            return os.path.join(paths.REPO, self.expect)
        return expect.find(self.suite, self.arch, self.board)

    def expected_cases(self):
        path = self.expect_file()
        return expect.load(path) if path else None


def _target(name, raw, defaults):
    if not isinstance(raw, dict):
        raise InventoryError(f"target {name}: not a mapping")
    unknown = set(raw) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise InventoryError(f"target {name}: unknown key(s) {', '.join(sorted(unknown))}")
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise InventoryError(f"target {name}: missing {', '.join(missing)}")
    if raw["class"] not in CLASSES:
        raise InventoryError(f"target {name}: class {raw['class']!r} not one of {CLASSES}")
    if raw["image_kind"] not in IMAGE_KINDS:
        raise InventoryError(f"target {name}: image_kind {raw['image_kind']!r} unknown")
    if raw.get("icount") and raw["class"] != "qemu":
        raise InventoryError(f"target {name}: icount needs class qemu")
    if raw["arch"] not in ("x86_64", "aarch64"):
        raise InventoryError(f"target {name}: arch {raw['arch']!r} unknown")
    timeouts = dict(defaults.get("timeouts", {}))
    timeouts.update(raw.get("timeouts") or {})
    bad = [k for k in timeouts if k not in PHASES]
    if bad or any(not isinstance(v, (int, float)) or v <= 0 for v in timeouts.values()):
        raise InventoryError(f"target {name}: timeouts must be positive minutes for {PHASES}")
    if set(timeouts) != set(PHASES):
        raise InventoryError(f"target {name}: timeouts lack {set(PHASES) - set(timeouts)}")
    return Target(
        name=name, board=raw["board"], arch=raw["arch"], klass=raw["class"],
        device_type=raw["device_type"], boot_method=raw["boot_method"],
        image=raw["image"], image_kind=raw["image_kind"],
        root=raw.get("root", defaults.get("root")), suite=raw.get("suite", defaults.get("suite")),
        timeouts=timeouts, run_here=bool(raw.get("run_here", False)),
        icount=bool(raw.get("icount", False)),
        dtb=raw.get("dtb"), firmware=raw.get("firmware"), expect=raw.get("expect"),
        notes=" ".join(str(raw.get("notes", "")).split()))


def load(path=INVENTORY):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or not isinstance(doc.get("targets"), dict):
        raise InventoryError(f"{path}: needs a 'targets' mapping")
    defaults = doc.get("defaults") or {}
    targets = [_target(n, raw, defaults) for n, raw in doc["targets"].items()]
    for t in targets:
        if t.expect_file() is None:
            raise InventoryError(f"target {t.name}: no expected-case list for "
                                 f"{t.suite}/{t.arch}/{t.board} in lab/expect")
    return targets


def by_name(targets, name):
    for t in targets:
        if t.name == name:
            return t
    raise KeyError(name)


def select(targets, names=None, run_here=None):
    """Targets by name (all when names is empty), optionally only run_here ones."""
    if names:
        chosen = [by_name(targets, n) for n in names]
    else:
        chosen = list(targets)
    if run_here is not None:
        chosen = [t for t in chosen if t.run_here == run_here]
    return chosen
