"""Collects what a run showed: protocol events with their arrival times.

The Observer only records; verdict.py judges the record afterwards, so the
rules live in one place and can be unit-tested on hand-made records.
"""
from dataclasses import dataclass, field

from . import protocol


@dataclass
class CaseResult:
    name: str
    result: str              # PASS / FAIL / SKIP / MISSING
    detail: str = ""
    duration_s: float = None


@dataclass
class Record:
    begin: dict = None       # BEGIN's fields
    begin_t: float = None    # seconds since the emulator started
    plan: int = None
    cases: list = field(default_factory=list)      # CaseResult, arrival order
    metrics: list = field(default_factory=list)    # protocol.Metric
    end: dict = None         # END's tallies
    end_t: float = None
    panic: str = None
    malformed: list = field(default_factory=list)  # "line (why)"
    lines: int = 0           # console lines seen (any kind)
    # How the emulator run stopped: "exit" (on its own), "boot-timeout",
    # "silence-timeout", "total-timeout", "exit-timeout" (no exit after END).
    stop: str = None
    exit_status: int = None  # emulator's; negative = killed by that signal
    stderr: str = ""
    total_t: float = None


class Observer:
    def __init__(self):
        self.record = Record()
        self._last_t = None

    def feed(self, line, t):
        """Records one console line seen t s after the start; returns its event."""
        rec = self.record
        rec.lines += 1
        ev = protocol.parse_line(line)
        if isinstance(ev, protocol.Begin):
            if rec.begin is None:
                rec.begin, rec.begin_t = ev.fields, t
            else:
                rec.malformed.append(f"{line.strip()} (second BEGIN)")
            self._last_t = t
        elif isinstance(ev, protocol.Plan):
            rec.plan = ev.count
            self._last_t = t
        elif isinstance(ev, protocol.Case):
            since = t - self._last_t if self._last_t is not None else None
            rec.cases.append(CaseResult(ev.name, ev.result, ev.detail,
                                        None if since is None else round(since, 6)))
            self._last_t = t
        elif isinstance(ev, protocol.Metric):
            rec.metrics.append(ev)
        elif isinstance(ev, protocol.End):
            if rec.end is None:
                rec.end, rec.end_t = ev.tallies, t
        elif isinstance(ev, protocol.Panic):
            if rec.panic is None:
                rec.panic = ev.message
        elif isinstance(ev, protocol.Malformed):
            rec.malformed.append(f"{ev.line.strip()} ({ev.why})")
        return ev

    @property
    def finished(self):
        """True once the guest has said its last word (END or PANIC)."""
        return self.record.end is not None or self.record.panic is not None
