"""Complete jobs through real lava-run on this machine's QEMU: the qemu boot
method for x86_64 and aarch64, and the u-boot/TFTP flow with QEMU playing
the board. Asserts on the test cases LAVA recorded, not only the verdict."""
import os

import pytest

from conftest import FAKE_QEMU
from novalab import expect
from novalava import artifacts, dispatcher, inventory, jobs, lavalog

TARGETS = inventory.select(inventory.load(), run_here=True)


def run_job(t, tmp_path, env=None):
    pub = tmp_path / "pub"
    rel = artifacts.publish_target(t, str(pub))
    text = jobs.render(t, artifacts.urls(rel, artifacts.file_prefix(str(pub))),
                       jobs.metadata(t, "0" * 40, "default"))
    run = dispatcher.run(t, text, str(tmp_path / "work"), env=env)
    assert not run.timed_out, run.log[-3000:]
    return run, lavalog.parse(run.log)


@pytest.mark.parametrize("t", TARGETS, ids=lambda t: t.name)
def test_job_runs_and_lava_records_every_case(t, built, lava_ready, tmp_path):
    run, log = run_job(t, tmp_path)
    assert log.job_result == "pass", (log.error_type, log.error_msg, run.log[-3000:])
    cases, metrics = lavalog.recorded_cases(log, f"nova-{t.suite}")
    expected = t.expected_cases()
    # LAVA recorded exactly the expected cases, each as pass or skip ...
    assert sorted(cases) == sorted(expected), run.log[-3000:]
    assert set(cases.values()) <= {"pass", "skip"}
    # ... under LAVA's own case ids (dots become underscores) ...
    ids = {r["case"] for r in log.results if r.get("definition") == f"nova-{t.suite}"}
    assert ids == {n.replace(".", "_") for n in expected}
    # ... and the console, judged by the runner's rules, agrees.
    doc = lavalog.to_document(log, t, "0" * 40, {"icount": False})
    assert doc["verdict"] == "pass", doc["reason"]
    assert {c["name"]: c["result"].lower() for c in doc["cases"]} == cases
    assert f"board={t.board}" in next(l for l in log.console if "@nova BEGIN" in l)
    assert run.returncode == 0


@pytest.fixture
def fake_qemu_path(tmp_path):
    """qemu-system-x86_64 on PATH is the runner tests' fake emulator."""
    bindir = tmp_path / "fakebin"
    bindir.mkdir()
    os.symlink(FAKE_QEMU, bindir / "qemu-system-x86_64")
    return {"PATH": f"{bindir}:{os.environ['PATH']}",
            "FAKE_QEMU_EXPECT": expect.find("kernel", "x86_64", "pc")}


def test_metric_lines_become_lava_measurements(built, lava_ready, tmp_path, fake_qemu_path):
    t = inventory.by_name(TARGETS, "qemu-x86_64")
    run, log = run_job(t, tmp_path, env=dict(fake_qemu_path, FAKE_QEMU_MODE="pass"))
    assert log.job_result == "pass", run.log[-3000:]
    cases, metrics = lavalog.recorded_cases(log, "nova-kernel")
    assert metrics == {"ipc.rtt.same_pd": (2.0, "cycles")}      # the fake's median
    assert cases[t.expected_cases()[2]] == "skip"                # the fake SKIPs the third
    doc = lavalog.to_document(log, t, "0" * 40, {"icount": False})
    (m,) = doc["metrics"]
    assert (m["name"], m["n"], m["min"], m["median"], m["mean"], m["max"]) == \
        ("ipc.rtt.same_pd", 1000, 1, 2, 2.5, 9)


def test_failing_case_is_recorded_as_fail(built, lava_ready, tmp_path, fake_qemu_path):
    t = inventory.by_name(TARGETS, "qemu-x86_64")
    run, log = run_job(t, tmp_path, env=dict(fake_qemu_path, FAKE_QEMU_MODE="fail_case"))
    cases, _ = lavalog.recorded_cases(log, "nova-kernel")
    failed = [n for n, r in cases.items() if r == "fail"]
    assert failed == [t.expected_cases()[1]]
    doc = lavalog.to_document(log, t, "0" * 40, {"icount": False})
    assert doc["verdict"] == "fail" and "1 case(s) failed" in doc["reason"]
