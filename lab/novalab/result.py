"""One run's outcome and its JSON document (the format other tools read).

The JSON keys are a stable interface (doc/runner.md, "JSON"): add keys,
never rename or remove them.
"""
import json
from dataclasses import dataclass, field

from .protocol import METRIC_FIELDS

SCHEMA = 1


@dataclass
class RunResult:
    profile: object          # profiles.Profile
    config: dict             # icount, smp, root, append
    record: object           # observe.Record
    verdict: object          # verdict.Verdict
    started: str             # ISO 8601, UTC
    commit: str = None
    mode: str = "protocol"   # protocol / raw / expect-panic
    console: list = field(default_factory=list)   # console lines, for JUnit


def to_document(r):
    rec = r.record
    return {
        "schema": SCHEMA,
        "commit": r.commit,
        "arch": r.profile.arch,
        "board": r.profile.board,
        "machine": r.profile.name,
        "suite": (rec.begin or {}).get("suite"),
        "mode": r.mode,
        "config": dict(r.config),
        "verdict": r.verdict.verdict,
        "reason": r.verdict.reason,
        "cases": [{"name": c.name, "result": c.result, "detail": c.detail or "",
                   "duration_s": c.duration_s} for c in r.verdict.cases],
        "metrics": [_metric(m) for m in rec.metrics],
        "durations": {"boot_s": _round(rec.begin_t), "total_s": _round(rec.total_t)},
        "exit_status": rec.exit_status,
        "started": r.started,
        "version": (rec.begin or {}).get("version"),
        "panic": rec.panic,
    }


def _metric(m):
    out = {"name": m.name, "unit": m.unit}
    out.update({k: m.values.get(k) for k in METRIC_FIELDS})
    # Extra statistics a probe adds (q1, q3, ...) come after the fixed ones.
    out.update({k: v for k, v in m.values.items() if k not in METRIC_FIELDS})
    return out


def _round(t):
    return None if t is None else round(t, 3)


def write_json(r, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(to_document(r), f, indent=2)
        f.write("\n")
