"""Shared fixtures: paths, and a helper that runs lab/run against the fake QEMU."""
import json
import os
import subprocess
import sys

import pytest

LAB = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, LAB)

RUN = os.path.join(LAB, "run")
FAKE = os.path.join(LAB, "tests", "fake_qemu.py")
EXPECT_X86 = os.path.join(LAB, "expect", "kernel-x86_64.txt")


class Outcome:
    def __init__(self, proc, doc):
        self.code = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.doc = doc

    def case(self, name):
        return next(c for c in self.doc["cases"] if c["name"] == name)


@pytest.fixture
def lab_run(tmp_path):
    """lab_run(mode, *args, env=...) -> Outcome of a run with the fake QEMU."""
    image = tmp_path / "nova-pc-test.elf32"
    root = tmp_path / "root-stub.elf"
    image.write_bytes(b"\x7fELF fake")
    root.write_bytes(b"\x7fELF fake")

    def go(mode, *args, env=None, image_path=None, timeout=60, suite="kernel"):
        doc_path = tmp_path / "result.json"
        if doc_path.exists():
            doc_path.unlink()
        argv = [RUN, "--no-build", "--emulator", FAKE,
                "--image", str(image_path or image), "--root", str(root),
                "--json", str(doc_path), *args]
        # Generous limits keep a loaded CI box from flaking; the timeout
        # tests pass short ones of their own (argparse: last one wins).
        argv[2:2] = ["--boot-timeout", "10", "--silence-timeout", "5",
                     "--exit-timeout", "5", "--timeout", "30",
                     *(["--suite", suite] if suite else [])]
        e = dict(os.environ, FAKE_QEMU_MODE=mode, FAKE_QEMU_EXPECT=EXPECT_X86, **(env or {}))
        proc = subprocess.run(argv, capture_output=True, text=True, env=e, timeout=timeout)
        doc = json.loads(doc_path.read_text()) if doc_path.exists() else None
        return Outcome(proc, doc)

    go.tmp = tmp_path
    return go
