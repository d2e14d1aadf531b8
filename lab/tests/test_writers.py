"""JSON, JUnit and TAP documents built from one hand-made run."""
import json
import xml.etree.ElementTree as ET

from novalab import junit, result, tap, verdict
from novalab.observe import Observer
from novalab.profiles import Timeouts, by_name

PC = by_name("qemu-x86_64")
EXPECTED = ["a.one", "a.two", "a.three", "a.four"]
CONFIG = {"icount": True, "smp": 2, "root": "build/x86_64/testsuite/user/root-stub.elf",
          "append": ""}


def make(lines, status=35, stop="exit"):
    obs = Observer()
    for i, line in enumerate(lines):
        obs.feed(line, 0.5 + 0.25 * i)
    rec = obs.record
    rec.stop, rec.exit_status, rec.total_t = stop, status, 2.0
    v = verdict.judge(rec, EXPECTED, PC, Timeouts())
    return result.RunResult(PC, CONFIG, rec, v, "2024-01-01T00:00:00+00:00", "abc123",
                            console=lines)


RUN = make([
    "boot text \x01",
    "@nova BEGIN suite=kernel arch=x86_64 board=pc version=v0.1-5-gabc",
    "@nova PLAN 3",
    "@nova CASE a.one PASS",
    "@nova CASE a.two FAIL expected=0x5a got=0x0 # odd",
    "@nova CASE a.three SKIP no reference timer",
    "@nova METRIC ipc.rtt.same_pd unit=cycles n=1000 min=1 median=2 mean=2.5 max=9",
    "@nova END pass=1 fail=1 skip=1",
])


def test_json_document_keys_and_values():
    doc = json.loads(json.dumps(result.to_document(RUN)))
    for key in ("commit", "arch", "board", "machine", "config", "verdict", "reason", "cases",
                "metrics", "durations", "exit_status", "started", "version", "panic"):
        assert key in doc
    assert doc["commit"] == "abc123" and doc["machine"] == "qemu-x86_64"
    assert doc["config"] == CONFIG and doc["verdict"] == "fail"
    assert doc["version"] == "v0.1-5-gabc" and doc["panic"] is None
    assert doc["durations"] == {"boot_s": 0.75, "total_s": 2.0}
    assert [c["result"] for c in doc["cases"]] == ["PASS", "FAIL", "SKIP", "MISSING"]
    assert doc["cases"][0]["duration_s"] == 0.25 and doc["cases"][3]["duration_s"] is None
    assert doc["metrics"] == [{"name": "ipc.rtt.same_pd", "unit": "cycles", "n": 1000,
                               "min": 1, "median": 2, "mean": 2.5, "max": 9}]
    assert "a.two" in doc["reason"] and "a.four" in doc["reason"]


def test_junit_counts_and_run_case(tmp_path):
    path = tmp_path / "r.xml"
    junit.write(RUN, path)
    suite = ET.parse(path).getroot()
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("5", "3", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["a.two"].find("failure").get("message").startswith("expected=0x5a")
    assert cases["a.four"].find("failure").get("type") == "MISSING"
    assert cases["a.three"].find("skipped") is not None
    run = cases["run"].find("failure")
    assert "missing" in run.get("message")
    assert "boot text ?" in cases["run"].find("system-out").text


def test_junit_error_and_panic():
    r = make(["@nova BEGIN suite=kernel arch=x86_64 board=pc version=x", "@nova PANIC oops"])
    run = [c for c in junit.build(r).getroot().iter("testcase") if c.get("name") == "run"][0]
    assert run.find("failure").text == "PANIC oops"
    err = make([], status=1)
    err.record.stderr = "qemu: could not load kernel\n"
    err.verdict = verdict.judge(err.record, EXPECTED, PC, Timeouts())
    root = junit.build(err).getroot()
    assert root.get("errors") == "1"


def test_tap_points():
    out = tap.lines(RUN)
    assert out[0] == "1..5"
    assert out[1] == "ok 1 - a.one"
    assert out[2] == "not ok 2 - a.two: expected=0x5a got=0x0 \\# odd"
    assert out[3] == "ok 3 - a.three # SKIP no reference timer"
    assert out[4] == "not ok 4 - a.four # missing"
    assert out[5].startswith("not ok 5 - run: ")


def test_tap_pass_and_bail_out():
    lines = ["@nova BEGIN suite=kernel arch=x86_64 board=pc version=x"] + \
        [f"@nova CASE {n} PASS" for n in EXPECTED] + ["@nova END pass=4 fail=0 skip=0"]
    out = tap.lines(make(lines, status=33))
    assert out[0] == "1..5" and all(l.startswith("ok") for l in out[1:])
    err = make([], status=1)
    err.record.stderr = "qemu: could not load kernel\n"
    err.verdict = verdict.judge(err.record, EXPECTED, PC, Timeouts())
    assert tap.lines(err) == ["Bail out! emulator failed: qemu: could not load kernel"]


def test_tap_expect_panic_mode_has_only_run_point():
    r = make(["@nova PANIC root module is not a valid ELF64 for x86_64"])
    r.mode = "expect-panic"
    r.verdict = verdict.judge(r.record, EXPECTED, PC, Timeouts(), expect_panic="valid ELF64")
    assert tap.lines(r) == ["1..1", "ok 1 - run"]
