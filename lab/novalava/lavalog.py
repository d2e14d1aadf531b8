"""A LAVA job log -> the runner's run document (doc/runner.md, "JSON").

Both lava-run's output (one JSON object per line) and the server's log
(a YAML list of the same objects, `- {...}` per line) are read. The console
(`target` records) is judged with the runner's own rules (novalab.observe,
novalab.verdict), so a board run and an emulator run mean the same thing;
the `results` records are what LAVA itself recorded, and must agree with
the console (a monitor that lost a case is a failure, not a pass).
"""
import json
from dataclasses import dataclass, field

import yaml

from novalab import observe, verdict
from novalab.profiles import Timeouts
from novalab.result import SCHEMA
from novalab.protocol import METRIC_FIELDS


@dataclass
class JobLog:
    console: list = field(default_factory=list)    # target lines, in order
    results: list = field(default_factory=list)    # results records (msg dicts)
    errors: list = field(default_factory=list)     # lvl=error messages
    job_result: str = None     # "pass"/"fail" from the lava/job record
    error_type: str = None     # Infrastructure, Job, Test, Bug, Configuration, Canceled
    error_msg: str = None
    started: str = None        # first record's dt


def _records(text):
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("- "):
            line = line[2:]
        if not line.startswith("{"):
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            try:
                rec = yaml.safe_load(line)
            except yaml.YAMLError:
                continue
            if isinstance(rec, dict):
                yield rec


def _target_text(msg):
    # LAVA's ShellLogger escapes '"' as '\"' in target lines; undo it.
    return str(msg).replace('\\"', '"')


def parse(text):
    log = JobLog()
    for rec in _records(text):
        lvl, msg = rec.get("lvl"), rec.get("msg")
        if log.started is None and rec.get("dt"):
            log.started = rec["dt"]
        if lvl == "target":
            log.console.append(_target_text(msg))
        elif lvl == "results" and isinstance(msg, dict):
            if msg.get("definition") == "lava" and msg.get("case") == "job":
                log.job_result = msg.get("result")
                log.error_type = msg.get("error_type")
                log.error_msg = msg.get("error_msg")
            else:
                log.results.append(msg)
        elif lvl == "error":
            log.errors.append(str(msg))
    return log


def recorded_cases(log, suite_definition):
    """LAVA's own test cases of our monitor: {name: result}, metrics apart."""
    cases, metrics = {}, {}
    for r in log.results:
        if r.get("definition") != suite_definition:
            continue
        name = (r.get("extra") or {}).get("test_case_id") or r.get("case")
        if r.get("measurement") is not None and r.get("units"):
            metrics[name] = (float(r["measurement"]), r["units"])
        else:
            cases[name] = r.get("result")
    return cases, metrics


class _Machine:
    """What verdict.judge needs to know about the machine (profile-like)."""
    def __init__(self, target):
        self.name, self.arch, self.board = target.machine, target.arch, target.board
        self.pass_status, self.fail_status = 33, 35


def judge(log, target):
    """Observer record + Verdict for the console of a LAVA job."""
    obs = observe.Observer()
    for i, line in enumerate(log.console):
        obs.feed(line, float(i))      # no per-line host times worth keeping
    rec = obs.record
    # On hardware there is no emulator exit status: the run ends when LAVA
    # stops monitoring. A LAVA error before BEGIN is the lab's (error verdict).
    rec.stop = "lava"
    v = verdict.judge(rec, target.expected_cases(), _Machine(target), Timeouts())
    lava_problem = log.job_result != "pass" or log.error_type
    if lava_problem and rec.begin is None and rec.panic is None:
        why = f"LAVA {log.error_type or 'job'} error: {log.error_msg or log.job_result or 'no job result'}"
        return rec, verdict.Verdict(verdict.ERROR, [why], list(rec.cases))
    if lava_problem:
        v.reasons.append(f"LAVA job {log.job_result or 'unfinished'}"
                         + (f" ({log.error_type}: {log.error_msg})" if log.error_type else ""))
        v.verdict = verdict.FAIL
    # What LAVA recorded must match the console, case by case.
    lava_cases, lava_metrics = recorded_cases(log, f"nova-{target.suite}")
    if rec.begin is not None:
        for c in rec.cases:
            got = lava_cases.get(c.name)
            if got != c.result.lower():
                v.reasons.append(f"LAVA recorded {c.name} as {got or 'nothing'}, "
                                 f"console says {c.result}")
        for m in rec.metrics:
            if m.name not in lava_metrics:
                v.reasons.append(f"LAVA recorded no measurement for metric {m.name}")
        if len(v.reasons) and v.verdict == verdict.PASS:
            v.verdict = verdict.FAIL
    return rec, v


def to_document(log, target, commit, config, job_id=None, url=None):
    """The runner-shaped JSON document of one LAVA job."""
    rec, v = judge(log, target)
    doc = {
        "schema": SCHEMA,
        "commit": commit,
        "arch": target.arch,
        "board": target.board,
        "machine": target.machine,
        "suite": (rec.begin or {}).get("suite"),
        "mode": "protocol",
        "config": dict(config),
        "verdict": v.verdict,
        "reason": v.reason,
        "cases": [{"name": c.name, "result": c.result, "detail": c.detail or "",
                   "duration_s": None} for c in v.cases],
        "metrics": [_metric(m) for m in rec.metrics],
        "durations": {"boot_s": None, "total_s": None},
        "exit_status": None,
        "started": log.started,
        "version": (rec.begin or {}).get("version"),
        "panic": rec.panic,
        "source": "lava",
        "lava": {"job_id": job_id, "url": url, "device_type": target.device_type,
                 "target": target.name, "result": log.job_result,
                 "error_type": log.error_type, "error_msg": log.error_msg},
    }
    return doc


def _metric(m):
    out = {"name": m.name, "unit": m.unit}
    out.update({k: m.values.get(k) for k in METRIC_FIELDS})
    out.update({k: val for k, val in m.values.items() if k not in METRIC_FIELDS})
    return out
