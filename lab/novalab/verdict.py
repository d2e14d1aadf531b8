"""The verdict rules (doc/runner.md, "Verdicts").

  error  the infrastructure did not let the guest run: inputs absent,
         emulator missing or refusing to start, no output at all.
  fail   the guest ran and something about it is wrong.
  pass   everything expected arrived, passed, and the guest said so.
"""
import re
from dataclasses import dataclass, field

from .observe import CaseResult

PASS, FAIL, ERROR = "pass", "fail", "error"
EXIT_CODES = {PASS: 0, FAIL: 1, ERROR: 2}


@dataclass
class Verdict:
    verdict: str
    reasons: list = field(default_factory=list)
    cases: list = field(default_factory=list)   # received + MISSING, for reports

    @property
    def reason(self):
        return "; ".join(self.reasons) or None

    @property
    def exit_code(self):
        return EXIT_CODES[self.verdict]


def emulator_complaints(stderr):
    """The emulator's own error lines (warnings do not count)."""
    return [l.strip() for l in stderr.splitlines()
            if l.strip() and "warning:" not in l.lower()]


def _infrastructure(rec):
    """An error reason when the emulator, not the guest, ended the run early."""
    if rec.begin is not None or rec.panic is not None:
        return None
    if rec.stop == "exit":
        complaints = emulator_complaints(rec.stderr)
        # "fatal:" is QEMU stopping on what the guest did (e.g. executing
        # outside RAM): a guest failure, not the lab's.
        if complaints and not any("fatal:" in c for c in complaints):
            return "emulator failed: " + complaints[0]
        if rec.exit_status is not None and rec.exit_status < 0:
            return f"emulator killed by signal {-rec.exit_status} before BEGIN"
    if rec.stop in ("boot-timeout", "total-timeout") and not rec.lines:
        return "no console output at all within the boot timeout"
    return None


def _stop_reason(rec, timeouts, after):
    return {
        "boot-timeout": f"no BEGIN within the boot timeout ({timeouts.boot:g} s)",
        "silence-timeout": f"console silent for {timeouts.silence:g} s {after}",
        "total-timeout": f"total timeout ({timeouts.total:g} s) {after}",
        "exit-timeout": f"guest did not end the emulator within {timeouts.exit:g} s {after}",
    }.get(rec.stop)


def _with_missing(rec, expected):
    seen = {c.name for c in rec.cases}
    missing = [n for n in expected or () if n not in seen]
    return list(rec.cases) + [CaseResult(n, "MISSING") for n in missing], missing


def _mark_known(cases, known):
    """Known failures (expect lists' `xfail:`) become XFAIL with the reason."""
    return [CaseResult(c.name, "XFAIL", f"known failure ({known[c.name]}): {c.detail}".rstrip(": "),
                       c.duration_s) if c.result == "FAIL" and c.name in known else c
            for c in cases]


def judge(rec, expected, profile, timeouts, raw=False, expect_panic=None, known=None):
    """Returns the Verdict of a finished run.

    expected: list of case names, or None when no list exists for the suite.
    known: {case: reason} of known failures (XFAIL instead of FAIL).
    """
    known = known or {}
    cases, missing = _with_missing(rec, expected if not raw and not expect_panic else ())
    cases = _mark_known(cases, known)
    infra = _infrastructure(rec)
    if infra:   # nothing ran, so no case can be called missing
        return Verdict(ERROR, [infra], list(rec.cases))
    if raw:
        return _judge_raw(rec, profile, timeouts, cases)
    if expect_panic is not None:
        return _judge_expected_panic(rec, profile, timeouts, expect_panic, cases)

    why = []
    if rec.panic is not None:
        why.append(f"PANIC: {rec.panic}")
    if rec.begin is None:
        if rec.stop == "exit":
            why.append(f"guest stopped before BEGIN (exit status {rec.exit_status})")
        else:
            why.append(_stop_reason(rec, timeouts, "before BEGIN"))
        return Verdict(FAIL, why, cases)

    after = ("after END" if rec.end is not None else
             "after PANIC" if rec.panic is not None else "after BEGIN")
    stop = _stop_reason(rec, timeouts, after)
    if stop:
        why.append(stop)
    failed = [c.name for c in rec.cases if c.result == "FAIL" and c.name not in known]
    if failed:
        why.append(f"{len(failed)} case(s) failed: {', '.join(failed)}")
    fixed = [c.name for c in rec.cases if c.result == "PASS" and c.name in known]
    if fixed:
        why.append(f"known failure(s) now pass, remove their xfail mark: {', '.join(fixed)}")
    if expected is None:
        why.append(f"no expected-case list for suite {rec.begin.get('suite')!r}")
    if missing:
        why.append(f"{len(missing)} expected case(s) missing: {', '.join(missing)}")
    names = [c.name for c in rec.cases]
    dups = sorted({n for n in names if names.count(n) > 1})
    if dups:
        why.append(f"case(s) reported twice: {', '.join(dups)}")
    if rec.plan is not None and rec.plan != len(rec.cases):
        why.append(f"PLAN announced {rec.plan} cases, {len(rec.cases)} CASE lines arrived")
    if rec.end is None:
        if rec.panic is None:
            why.append("no END line")
    else:
        counted = {k: sum(c.result == k.upper() for c in rec.cases)
                   for k in ("pass", "fail", "skip")}
        if counted != rec.end:
            why.append("END tallies " + _tallies(rec.end)
                       + " differ from the CASE lines " + _tallies(counted))
    for m in rec.malformed:
        why.append(f"malformed protocol line: {m}")
    for key in ("arch", "board"):
        said = rec.begin.get(key)
        if said is not None and said != getattr(profile, key):
            why.append(f"BEGIN says {key}={said}, machine {profile.name} is {getattr(profile, key)}")
    # The guest says fail when it saw a failing case, known ones included.
    only_known = any(c.result == "FAIL" for c in rec.cases) and not failed
    if rec.stop == "exit" and rec.exit_status != profile.pass_status:
        if rec.exit_status != profile.fail_status or not (why or only_known):
            why.append(_status_text(rec.exit_status, profile))
    return Verdict(FAIL if why else PASS, why, cases)


def _judge_raw(rec, profile, timeouts, cases):
    if rec.stop != "exit":
        return Verdict(FAIL, [_stop_reason(rec, timeouts, "(raw mode)")], cases)
    if rec.exit_status == profile.pass_status:
        return Verdict(PASS, [], cases)
    return Verdict(FAIL, [_status_text(rec.exit_status, profile)], cases)


def _judge_expected_panic(rec, profile, timeouts, pattern, cases):
    if rec.panic is None:
        return Verdict(FAIL, [f"expected a PANIC matching /{pattern}/, none came"], cases)
    if not re.search(pattern, rec.panic):
        return Verdict(FAIL, [f"PANIC {rec.panic!r} does not match /{pattern}/"], cases)
    if rec.stop != "exit":
        return Verdict(FAIL, [_stop_reason(rec, timeouts, "after PANIC")], cases)
    if rec.exit_status != profile.fail_status:
        return Verdict(FAIL, ["after the expected PANIC, " + _status_text(rec.exit_status, profile)], cases)
    return Verdict(PASS, [], cases)


def _status_text(status, profile):
    if status is not None and status < 0:
        return f"emulator killed by signal {-status}"
    meaning = {profile.fail_status: " (guest says fail)",
               0: " (not a guest verdict: e.g. triple fault or power-off)"}.get(status, "")
    return f"emulator exit status {status}{meaning}, pass is {profile.pass_status}"


def _tallies(t):
    return " ".join(f"{k}={t[k]}" for k in ("pass", "fail", "skip"))
