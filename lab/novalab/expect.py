"""Expected-case lists: lab/expect/<suite>-<arch>[-<board>].txt.

One case name per line, '#' starts a comment. The most specific file wins,
so a board that can run fewer or more probes gets its own list.
"""
import os

EXPECT_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "expect")


def _entries(path):
    """(name, known-failure reason or None) per line: `name [xfail: why]`."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split("#", 1)[0].split(None, 1)
            if fields:
                rest = fields[1].strip() if len(fields) > 1 else ""
                yield fields[0], rest[len("xfail:"):].strip() if rest.startswith("xfail:") else None


def load(path):
    names = []
    for name, _ in _entries(path):
        if name not in names:
            names.append(name)
    return names


def known_failures(path):
    """Cases marked `xfail: reason`: a known gap (e.g. a feature of a later
    issue). They may FAIL without failing the run, and must not pass
    silently: a passing one fails the run until its mark is removed."""
    return {name: why or "known failure" for name, why in _entries(path) if why is not None}


def find(suite, arch, board, directory=EXPECT_DIR):
    """Path of the list for this suite/arch/board, or None."""
    for stem in (f"{suite}-{arch}-{board}", f"{suite}-{arch}"):
        path = os.path.join(directory, stem + ".txt")
        if os.path.exists(path):
            return path
    return None
