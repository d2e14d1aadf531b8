"""The expected-case lists and the probes in the kernel source must agree:
a probe added without its list entry, or a list entry whose probe was
deleted, would otherwise go unnoticed until a run."""
import os
import re

import pytest

from conftest import LAB
from novalab.expect import load as load_expected

ROOT = os.path.dirname(LAB)
PROBE_RE = re.compile(r'\bPROBE\("([^"]+)"')


def probes_in(directory):
    names = set()
    for name in sorted(os.listdir(directory)):
        if name.endswith(".c"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                names.update(PROBE_RE.findall(f.read()))
    return names


USER_PROBE_RE = re.compile(r'\bNOVA_PROBE\("([^"]+)"')


@pytest.mark.parametrize("arch", ["x86_64", "aarch64"])
def test_user_expect_list_matches_probe_sources(arch):
    in_source = set()
    for d in (os.path.join(ROOT, "testsuite", "user"), os.path.join(ROOT, "testsuite", "user", arch)):
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else ():
            if name.endswith(".c"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    in_source.update(USER_PROBE_RE.findall(f.read()))
    listed = set(load_expected(os.path.join(LAB, "expect", f"user-{arch}.txt")))
    assert in_source, "no NOVA_PROBE() registrations found: the pattern is stale"
    assert listed == in_source


@pytest.mark.parametrize("arch", ["x86_64", "aarch64"])
def test_expect_list_matches_probe_sources(arch):
    kernel = os.path.join(ROOT, "testsuite", "kernel")
    in_source = probes_in(kernel) | probes_in(os.path.join(kernel, arch))
    listed = set(load_expected(os.path.join(LAB, "expect", f"kernel-{arch}.txt")))
    assert in_source, "no PROBE() registrations found: the pattern is stale"
    assert listed - in_source == set(), "listed but no such probe in the source"
    assert in_source - listed == set(), "probe in the source but not expected by the runner"
