"""LAVA job logs -> run documents, on logs recorded from real lava-run jobs."""
import json
import os

import pytest

from novalava import inventory, lavalog

DATA = os.path.join(os.path.dirname(__file__), "data", "lava")
PASS_LOG = open(os.path.join(DATA, "qemu-x86_64-pass.log")).read()
MISSING_KERNEL_LOG = open(os.path.join(DATA, "qemu-x86_64-missing-kernel.log")).read()
CONFIG = {"icount": False, "smp": None, "root": "testsuite/user/root-stub.elf", "append": ""}


@pytest.fixture(scope="module")
def target():
    return inventory.by_name(inventory.load(), "qemu-x86_64")


def doc_of(text, target):
    return lavalog.to_document(lavalog.parse(text), target, "c0ffee", CONFIG, job_id="7",
                               url="http://lava/scheduler/job/7")


def edit(text, drop=(), add_after=None, add=()):
    """Drops records containing any of drop; inserts target lines after the
    record containing add_after."""
    out = []
    for line in text.splitlines():
        if any(d in line for d in drop):
            continue
        out.append(line)
        if add_after and add_after in line:
            out += [json.dumps({"dt": "2026-01-01T00:00:00", "lvl": "target", "msg": m})
                    for m in add]
    return "\n".join(out) + "\n"


def test_recorded_pass(target):
    log = lavalog.parse(PASS_LOG)
    assert log.job_result == "pass" and log.error_type is None
    assert any("@nova BEGIN" in l for l in log.console)
    cases, metrics = lavalog.recorded_cases(log, "nova-kernel")
    assert len(cases) == 9 and set(cases.values()) == {"pass"} and metrics == {}
    doc = doc_of(PASS_LOG, target)
    assert doc["verdict"] == "pass", doc["reason"]
    assert doc["machine"] == "lava/qemu-x86_64" and doc["board"] == "pc"
    assert doc["version"] and doc["suite"] == "kernel" and doc["source"] == "lava"
    assert doc["lava"]["job_id"] == "7" and doc["started"].startswith("20")
    assert [c["result"] for c in doc["cases"]] == ["PASS"] * 9


def test_server_log_format_reads_the_same(target):
    server = "".join("- " + l + "\n" for l in PASS_LOG.splitlines())
    assert doc_of(server, target)["cases"] == doc_of(PASS_LOG, target)["cases"]


def test_escaped_quotes_are_undone():
    log = lavalog.parse(json.dumps({"lvl": "target", "msg": 'say \\"hi\\"'}))
    assert log.console == ['say "hi"']


def test_a_case_lava_did_not_record_fails_the_run(target):
    doc = doc_of(edit(PASS_LOG, drop=['"test_case_id": "boot.cmdline"']), target)
    assert doc["verdict"] == "fail"
    assert "LAVA recorded boot.cmdline as nothing, console says PASS" in doc["reason"]


def test_a_case_that_never_came_is_missing(target):
    text = edit(PASS_LOG, drop=["@nova CASE cpu.long_mode", '"test_case_id": "cpu.long_mode"'])
    doc = doc_of(text, target)
    assert doc["verdict"] == "fail"
    assert {"name": "cpu.long_mode", "result": "MISSING", "detail": "",
            "duration_s": None} in doc["cases"]
    assert "1 expected case(s) missing: cpu.long_mode" in doc["reason"]


def test_metrics_come_from_the_console_and_must_be_recorded(target):
    metric = "@nova METRIC ipc.rtt.same_pd unit=cycles n=100 min=250 median=265 mean=266.5 max=300"
    text = edit(PASS_LOG, add_after="@nova CASE cpu.long_mode", add=[metric])
    doc = doc_of(text, target)
    assert doc["metrics"] == [{"name": "ipc.rtt.same_pd", "unit": "cycles", "n": 100, "min": 250,
                               "median": 265, "mean": 266.5, "max": 300}]
    assert "LAVA recorded no measurement for metric ipc.rtt.same_pd" in doc["reason"]
    recorded = json.dumps({"lvl": "results", "msg": {
        "definition": "nova-kernel", "case": "ipc_rtt_same_pd", "result": "pass",
        "measurement": "265", "units": "cycles", "extra": {"test_case_id": "ipc.rtt.same_pd"}}})
    doc = doc_of(text + recorded + "\n", target)
    assert doc["verdict"] == "pass", doc["reason"]


def test_panic_fails(target):
    text = edit(PASS_LOG, drop=["@nova CASE cpu.long_mode", '"test_case_id": "cpu.long_mode"',
                                "@nova END"],
                add_after="@nova CASE exception.catch_return", add=["@nova PANIC page fault"])
    doc = doc_of(text, target)
    assert doc["verdict"] == "fail" and doc["panic"] == "page fault"
    assert "PANIC: page fault" in doc["reason"]


def test_lava_failure_after_begin_is_a_fail(target):
    text = edit(PASS_LOG, drop=['"case": "job"']) + json.dumps({"lvl": "results", "msg": {
        "definition": "lava", "case": "job", "result": "fail", "error_type": "Test",
        "error_msg": "lava test monitoring has timed out"}}) + "\n"
    doc = doc_of(text, target)
    assert doc["verdict"] == "fail"
    assert "LAVA job fail (Test: lava test monitoring has timed out)" in doc["reason"]


def test_lab_error_before_begin_is_an_error(target):
    doc = doc_of(MISSING_KERNEL_LOG, target)
    assert doc["verdict"] == "error"
    assert doc["reason"].startswith("LAVA Job error: Invalid job data")
    assert doc["cases"] == []        # nothing ran: nothing is called missing


def test_empty_log_is_an_error(target):
    doc = doc_of("", target)
    assert doc["verdict"] == "error" and "no job result" in doc["reason"]
