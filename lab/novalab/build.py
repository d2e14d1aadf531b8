"""Prepares a fresh checkout: Debian packages (ci/setup), then meson/ninja.

All output goes to stderr: stdout may be carrying TAP.
"""
import os
import subprocess
import sys

from . import paths


class BuildError(Exception):
    pass


def setup():
    """Runs ci/setup (installs packages as root, else names the command)."""
    script = os.path.join(paths.REPO, "ci", "setup")
    if not os.path.exists(script):
        return
    done = subprocess.run([script], stdout=sys.stderr, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise BuildError("ci/setup: required Debian packages are missing (see above)")


def build(arch, directory=None):
    """Configures build/<arch> if needed, then builds every image of it."""
    directory = directory or paths.build_dir(arch)
    if not os.path.exists(os.path.join(directory, "build.ninja")):
        cross = os.path.join(paths.REPO, "arch", arch, "cross.ini")
        _run(["meson", "setup", directory, "--cross-file", cross], "meson setup")
    _run(["ninja", "-C", directory], "ninja")


def _run(argv, what):
    print("lab: " + " ".join(argv), file=sys.stderr, flush=True)
    try:
        done = subprocess.run(argv, cwd=paths.REPO, stdout=sys.stderr, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise BuildError(f"{argv[0]} not found (run ci/setup)") from None
    if done.returncode != 0:
        raise BuildError(f"{what} failed with status {done.returncode}")
