"""The lava suite (doc/lab.md, "Validation in CI"): real lava-run against the
built images. Needs root and the kernel trees; without them every test
skips with the reason, and the session exits 77 so Meson shows SKIP."""
import os
import sys

import pytest

LAB = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, LAB)

from novalab import paths            # noqa: E402
from novalava import dispatcher      # noqa: E402

FAKE_QEMU = os.path.join(LAB, "tests", "fake_qemu.py")


def pytest_sessionfinish(session, exitstatus):
    stats = session.config.pluginmanager.get_plugin("terminalreporter").stats
    ran = sum(len(stats.get(k, [])) for k in ("passed", "failed", "error"))
    if exitstatus == 0 and stats.get("skipped") and not ran:
        session.exitstatus = 77


@pytest.fixture(scope="session")
def lava_ready():
    why = dispatcher.available()
    if why:
        pytest.skip(why)


@pytest.fixture(scope="session")
def built():
    """Both kernel trees must have been built (ci/test builds them first)."""
    for arch in ("x86_64", "aarch64"):
        if not os.path.isfile(os.path.join(paths.REPO, "build", arch, "build.ninja")):
            pytest.skip(f"build/{arch} not built yet: ci/test builds the kernel trees "
                        "before the lava suite (or ninja -C build/{arch})")
