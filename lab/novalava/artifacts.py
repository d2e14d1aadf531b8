"""What each target deploys, and publishing it where LAVA can fetch it.

Published layout (one directory, served over HTTP or read as file://):
  <arch>/<image>               kernel images as built
  <arch>/<root module>         the root module (root-stub.elf)
  <arch>/<image stem>.boot.img Android boot images, built here (bootimg.py)
  firmware/<file>              firmware a job deploys (QEMU_EFI.fd)
  manifest.json                sha256 of every file, for the record
A target whose inputs are missing is reported, not skipped silently.
"""
import hashlib
import json
import os
import shutil

from novalab import paths

from . import bootimg

BOOT_CMDLINE = "probes"


class ArtifactError(Exception):
    pass


def build_dir(arch, build_root=None):
    return os.path.join(build_root or os.path.join(paths.REPO, "build"), arch)


def sources(target, build_root=None):
    """label -> local input file for target (boot images: their parts)."""
    b = build_dir(target.arch, build_root)
    src = {"kernel": os.path.join(b, target.image), "ramdisk": os.path.join(b, target.root)}
    if target.dtb:
        src["dtb"] = os.path.join(b, target.dtb)
    if target.firmware:
        src["firmware"] = target.firmware
    missing = [f"{k} {v}" for k, v in src.items() if not os.path.isfile(v)]
    if missing:
        raise ArtifactError(f"{target.name}: missing " + ", ".join(missing))
    return src


def _copy(src, pubdir, rel):
    dst = os.path.join(pubdir, rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
    return rel


def publish_target(target, pubdir, build_root=None):
    """Copies (or builds) target's artifacts into pubdir; label -> relative path."""
    src = sources(target, build_root)
    rel = {}
    if target.klass == "fastboot":
        with open(src["kernel"], "rb") as k, open(src["ramdisk"], "rb") as r:
            dtb = open(src["dtb"], "rb").read() if "dtb" in src else None
            blob = bootimg.build(k.read(), r.read(), BOOT_CMDLINE, version=1, dtb=dtb,
                                 name=target.board)
        name = os.path.splitext(os.path.basename(target.image))[0] + ".boot.img"
        rel["boot"] = f"{target.arch}/{name}"
        os.makedirs(os.path.join(pubdir, target.arch), exist_ok=True)
        with open(os.path.join(pubdir, rel["boot"]), "wb") as f:
            f.write(blob)
        return rel
    for label, path in src.items():
        sub = "firmware" if label == "firmware" else target.arch
        rel[label] = _copy(path, pubdir, f"{sub}/{os.path.basename(path)}")
    return rel


def publish(targets, pubdir, build_root=None):
    """Publishes every target; returns ({name: {label: rel}}, {name: error})."""
    done, errors = {}, {}
    for t in targets:
        try:
            done[t.name] = publish_target(t, pubdir, build_root)
        except (ArtifactError, OSError, ValueError) as e:
            errors[t.name] = str(e)
    write_manifest(pubdir)
    return done, errors


def write_manifest(pubdir):
    files = {}
    for dirpath, _, names in os.walk(pubdir):
        for n in sorted(names):
            full = os.path.join(dirpath, n)
            rel = os.path.relpath(full, pubdir)
            if rel == "manifest.json":
                continue
            with open(full, "rb") as f:
                files[rel] = hashlib.sha256(f.read()).hexdigest()
    with open(os.path.join(pubdir, "manifest.json"), "w") as f:
        json.dump({"files": files}, f, indent=1, sort_keys=True)


def urls(rel, prefix):
    """label -> URL under prefix (http://host/path or file:///dir)."""
    return {k: prefix.rstrip("/") + "/" + v for k, v in rel.items()}


def file_prefix(pubdir):
    return "file://" + os.path.abspath(pubdir)
