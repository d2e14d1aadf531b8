"""Expected-case lists: lab/expect/<suite>-<arch>[-<board>].txt.

One case name per line, '#' starts a comment. The most specific file wins,
so a board that can run fewer or more probes gets its own list.
"""
import os

EXPECT_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "expect")


def load(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            name = line.split("#", 1)[0].strip()
            if name and name not in names:
                names.append(name)
    return names


def find(suite, arch, board, directory=EXPECT_DIR):
    """Path of the list for this suite/arch/board, or None."""
    for stem in (f"{suite}-{arch}-{board}", f"{suite}-{arch}"):
        path = os.path.join(directory, stem + ".txt")
        if os.path.exists(path):
            return path
    return None
