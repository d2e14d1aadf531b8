"""Verdict rules on hand-made records (no emulator)."""
from novalab import verdict as v
from novalab.observe import Observer
from novalab.profiles import Timeouts, by_name

PC = by_name("qemu-x86_64")
T = Timeouts()
NAMES = ["a.one", "a.two", "a.three"]


def record(lines, stop="exit", status=33, stderr=""):
    obs = Observer()
    for i, line in enumerate(lines):
        obs.feed(line, 0.1 * i)
    rec = obs.record
    rec.stop, rec.exit_status, rec.stderr = stop, status, stderr
    return rec


def complete(results=("PASS", "PASS", "PASS"), end=None, plan=3, names=NAMES):
    tally = {k: sum(r == k.upper() for r in results) for k in ("pass", "fail", "skip")}
    tally.update(end or {})
    return (["@nova BEGIN suite=kernel arch=x86_64 board=pc version=x", f"@nova PLAN {plan}"]
            + [f"@nova CASE {n} {r}" for n, r in zip(names, results)]
            + [f"@nova END pass={tally['pass']} fail={tally['fail']} skip={tally['skip']}"])


def judge(rec, expected=NAMES, **kw):
    return v.judge(rec, expected, PC, T, **kw)


def test_clean_run_passes():
    r = judge(record(complete(("PASS", "SKIP", "PASS"))))
    assert r.verdict == v.PASS and r.reason is None and r.exit_code == 0


def test_fail_case_fails():
    r = judge(record(complete(("PASS", "FAIL", "PASS")), status=35))
    assert r.verdict == v.FAIL and "a.two" in r.reason and r.exit_code == 1


def test_missing_case_is_listed_and_fails():
    r = judge(record(complete(("PASS", "PASS"), plan=2)))
    assert r.verdict == v.FAIL and "missing: a.three" in r.reason
    assert r.cases[-1].name == "a.three" and r.cases[-1].result == "MISSING"


def test_plan_and_end_mismatch():
    assert "PLAN announced 4" in judge(record(complete(plan=4))).reason
    assert "END tallies" in judge(record(complete(end={"pass": 2}))).reason


def test_no_end_and_silence():
    lines = complete()[:-1]
    assert judge(record(lines)).reason == "no END line"
    r = judge(record(lines, stop="silence-timeout", status=-15))
    assert r.verdict == v.FAIL and "silent" in r.reason


def test_panic_fails():
    r = judge(record(complete()[:3] + ["@nova PANIC oops"], status=35))
    assert r.verdict == v.FAIL and r.reason.startswith("PANIC: oops")


def test_exit_status_other_than_pass_fails_a_complete_run():
    r = judge(record(complete(), status=0))
    assert r.verdict == v.FAIL and "exit status 0" in r.reason


def test_infrastructure_errors():
    err = judge(record([], status=1, stderr="qemu-system-x86_64: could not load kernel 'x'\n"))
    assert err.verdict == v.ERROR and "could not load kernel" in err.reason and err.exit_code == 2
    assert judge(record([], stop="boot-timeout", status=-15)).verdict == v.ERROR
    # Output but no BEGIN: the guest's fault, not the lab's.
    assert judge(record(["booting..."], stop="boot-timeout", status=-15)).verdict == v.FAIL
    # A silent triple fault before any output is a guest failure too.
    assert judge(record([], status=0)).verdict == v.FAIL
    # Firmware talked, then QEMU gave up or crashed: still the lab's problem.
    assert judge(record(["SeaBIOS"], status=1, stderr="qemu: could not open x\n")).verdict == v.ERROR
    assert judge(record(["SeaBIOS"], status=-11)).verdict == v.ERROR
    # QEMU stopping on the guest's doing is the guest's failure.
    fatal = "qemu: fatal: Trying to execute code outside RAM or ROM at 0x1\n"
    assert judge(record(["boot"], status=1, stderr=fatal)).verdict == v.FAIL


def test_warnings_on_stderr_do_not_make_an_error():
    r = judge(record([], status=0, stderr="qemu-system-x86_64: warning: host lacks x\n"))
    assert r.verdict == v.FAIL


def test_missing_expect_list_and_wrong_arch():
    assert "no expected-case list" in judge(record(complete()), expected=None).reason
    lines = complete()
    lines[0] = lines[0].replace("arch=x86_64", "arch=aarch64")
    assert "arch=aarch64" in judge(record(lines)).reason


def test_duplicate_and_malformed():
    lines = complete()
    lines.insert(3, "@nova CASE a.one PASS")
    lines.append("@nova CASE x HUH")
    reason = judge(record(lines)).reason
    assert "reported twice: a.one" in reason and "malformed" in reason


def test_raw_mode_uses_exit_status_only():
    assert judge(record(["hello"], status=33), raw=True).verdict == v.PASS
    assert judge(record(["hello"], status=35), raw=True).verdict == v.FAIL
    assert judge(record(["hello"], stop="total-timeout", status=-15), raw=True).verdict == v.FAIL


def test_expected_panic():
    rec = record(["@nova PANIC root module is not a valid ELF64 for x86_64: magic"], status=35)
    assert judge(rec, expect_panic="not a valid ELF64").verdict == v.PASS
    assert judge(rec, expect_panic="something else").verdict == v.FAIL
    assert judge(record(complete()), expect_panic="x").verdict == v.FAIL


def _xfail_record(result):
    from novalab.observe import CaseResult, Record
    rec = Record()
    rec.begin = {"suite": "user", "arch": "x86_64", "board": "pc"}
    rec.cases = [CaseResult("a.ok", "PASS"), CaseResult("b.gap", result, "BAD_FTR")]
    rec.end = {"pass": 1 + (result == "PASS"), "fail": int(result == "FAIL"), "skip": 0}
    rec.stop, rec.exit_status = "exit", 35 if result == "FAIL" else 33
    return rec


def test_known_failure_is_xfail_and_a_passing_one_fails_the_run():
    from novalab import profiles, verdict
    p = profiles.by_name("qemu-x86_64")
    known = {"b.gap": "needs vCPUs"}
    v = verdict.judge(_xfail_record("FAIL"), ["a.ok", "b.gap"], p, p.timeouts, known=known)
    assert v.verdict == "pass", v.reason
    assert [c.result for c in v.cases] == ["PASS", "XFAIL"] and "needs vCPUs" in v.cases[1].detail
    v = verdict.judge(_xfail_record("FAIL"), ["a.ok", "b.gap"], p, p.timeouts)
    assert v.verdict == "fail"                    # unknown: an ordinary failure
    v = verdict.judge(_xfail_record("PASS"), ["a.ok", "b.gap"], p, p.timeouts, known=known)
    assert v.verdict == "fail" and "remove their xfail mark" in v.reason


def test_xfail_annotations_parse(tmp_path):
    from novalab import expect
    f = tmp_path / "l.txt"
    f.write_text("# c\na.ok\nb.gap  xfail: needs vCPUs  # why\nc.plain # note\n")
    assert expect.load(str(f)) == ["a.ok", "b.gap", "c.plain"]
    assert expect.known_failures(str(f)) == {"b.gap": "needs vCPUs"}
