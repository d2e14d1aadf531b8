"""Regression tracking (doc/lab.md, "Regressions").

Like with like: one series is one board + machine + config, one value per
commit (the median of that commit's runs' medians, commits in the order
they were first run). Metrics are latencies: higher is worse.

- latest check: the newest commit against a rolling baseline, the median m
  of the `window` commits before it. Noisy figures: spread s = 1.4826 * MAD
  (a robust sigma); a regression is a value above m + max(k * s,
  rel_floor * m), from min_history commits on. Deterministic figures
  (config icount: the same binary gives the same count): any value more
  than exact_tolerance (one counter unit) above m. One unit, because a
  counter coarser than an instruction quantizes the figures: aarch64's
  CNTVCT ticks every 16 instructions under -icount shift=0, and the same
  binary's median then flips between two neighbouring values.
- steps: history-wide binary segmentation: the split that fits best (least
  total absolute deviation from the two segments' medians) is a step if
  its median shift clears the same threshold, with the series' noise
  estimated from successive differences (1.4826 * median |diff| / sqrt 2,
  robust to the steps themselves); then each side again. A step names the
  first commit after it.
  Deterministic series: every change beyond exact_tolerance is a step.
- cases: a case that passed in the previous run of a series and fails or
  is missing in the newest.
"""
import json
import statistics
from dataclasses import dataclass

DEFAULTS = dict(window=10, k=4.0, rel_floor=0.02, min_history=3, min_segment=2,
                exact_tolerance=1)


@dataclass
class Point:
    commit: str
    started: str
    value: float
    unit: str


@dataclass
class Finding:
    kind: str            # regression / improvement / step / case
    board: str
    machine: str
    config: str          # canonical JSON
    name: str            # metric or case
    commit: str          # where it shows (newest) or where it moved (step)
    before: float = None
    after: float = None
    unit: str = ""
    threshold: float = None
    detail: str = ""
    moved_at: str = None  # for regressions: the step that explains it

    @property
    def change(self):
        if self.before in (None, 0) or self.after is None:
            return None
        return (self.after - self.before) / abs(self.before)

    def line(self):
        cfg = config_label(self.config)
        head = f"{self.kind.upper():<11} {self.machine} [{self.board}, {cfg}] {self.name}"
        if self.kind == "case":
            return f"{head}: {self.detail} at {short(self.commit)}"
        pct = f" ({self.change:+.1%})" if self.change is not None else ""
        text = f"{head}: {fmt(self.before)} -> {fmt(self.after)} {self.unit}{pct} at {short(self.commit)}"
        if self.detail:
            text += f"; {self.detail}"
        if self.moved_at and self.moved_at != self.commit:
            text += f"; moved at {short(self.moved_at)}"
        return text


def short(commit):
    return (commit or "unknown")[:12]


def fmt(x):
    return "?" if x is None else (f"{x:.0f}" if float(x).is_integer() else f"{x:.2f}")


def config_label(config):
    c = json.loads(config or "{}")
    bits = ["icount" if c.get("icount") else "timed"]
    if c.get("smp"):
        bits.append(f"smp={c['smp']}")
    if c.get("append"):
        bits.append(f"append={c['append']}")
    return ", ".join(bits)


def deterministic(config):
    return bool(json.loads(config or "{}").get("icount"))


def points(history):
    """store.metric_history rows -> one Point per commit, first-run order."""
    by_commit, order = {}, []
    for commit, started, median, _min, _max, _n, unit, _id in history:
        key = commit or f"?{started}"
        if key not in by_commit:
            by_commit[key] = (started, unit, [])
            order.append(key)
        by_commit[key][2].append(median)
    return [Point(c, by_commit[c][0], statistics.median(by_commit[c][2]), by_commit[c][1])
            for c in order]


def spread(values):
    """Robust sigma: 1.4826 * median absolute deviation."""
    if len(values) < 2:
        return 0.0
    m = statistics.median(values)
    return 1.4826 * statistics.median(abs(v - m) for v in values)


def threshold(base, noise, p):
    return max(p["k"] * noise, p["rel_floor"] * abs(base))


def latest(pts, exact, **params):
    """Finding kind/before/after/threshold for the newest point, or None."""
    p = dict(DEFAULTS, **params)
    if len(pts) < 2:
        return None
    new = pts[-1]
    base = [q.value for q in pts[-1 - p["window"]:-1]]
    if exact:
        # Deterministic: no tolerance. Against the window's median, so a
        # regression stays flagged until it is the new normal.
        m = statistics.median(base)
        tol = p["exact_tolerance"]
        if abs(new.value - m) <= tol:
            return None
        return ("regression" if new.value > m else "improvement", m, new.value, tol,
                "exact icount figure")
    if len(base) < p["min_history"]:
        return None
    m = statistics.median(base)
    thr = threshold(m, spread(base), p)
    if new.value > m + thr:
        return ("regression", m, new.value, thr, f"baseline of {len(base)} commits ±{fmt(thr)}")
    if new.value < m - thr:
        return ("improvement", m, new.value, thr, f"baseline of {len(base)} commits ±{fmt(thr)}")
    return None


def steps(pts, exact, **params):
    """[(index, before, after)]: where the series moved, oldest first."""
    p = dict(DEFAULTS, **params)
    vals = [q.value for q in pts]
    if exact:
        # Against the value before the last step, so a flip within the
        # tolerance never accumulates into a step.
        out, level = [], vals[0] if vals else None
        for i in range(1, len(vals)):
            if abs(vals[i] - level) > p["exact_tolerance"]:
                out.append((i, level, vals[i]))
                level = vals[i]
        return out
    found = []
    # One noise figure for the series, from successive differences: steps
    # are rare, so they barely move the median difference.
    diffs = [abs(b - a) for a, b in zip(vals, vals[1:])]
    noise = 1.4826 * statistics.median(diffs) / 2 ** 0.5 if diffs else 0.0

    def cost(seg):
        m = statistics.median(seg)
        return sum(abs(v - m) for v in seg)

    def split(lo, hi):
        # The split that fits best (least total absolute deviation), kept if
        # its median shift clears the threshold.
        cands = [(cost(vals[lo:i]) + cost(vals[i:hi]), i)
                 for i in range(lo + p["min_segment"], hi - p["min_segment"] + 1)]
        if not cands:
            return
        _, i = min(cands)
        ml, mr = statistics.median(vals[lo:i]), statistics.median(vals[i:hi])
        if abs(mr - ml) > threshold(ml, noise, p):
            found.append((i, ml, mr))
            split(lo, i)
            split(i, hi)

    split(0, len(vals))
    return sorted(found)


def case_findings(store, board, machine, config):
    runs = [r for r in store.runs(board, machine, config) if r["status"] != "absent"]
    if len(runs) < 2:
        return []
    prev, new = runs[-2], runs[-1]
    before, after = store.cases(prev["id"]), store.cases(new["id"])
    out = []
    for name, c in sorted(after.items()):
        if c["result"] in ("FAIL", "MISSING") and name in before and before[name]["result"] == "PASS":
            out.append(Finding("case", board, machine, config, name, new["commit_sha"],
                               detail=f"PASS at {short(prev['commit_sha'])}, now {c['result']}"
                               + (f" ({c['detail']})" if c["detail"] else "")))
    return out


def analyse(store, **params):
    """All findings of the store: (regressions+improvements+cases, steps)."""
    current, history = [], []
    for board, machine, config in store.series():
        exact = deterministic(config)
        for name in store.metric_names(board, machine, config):
            pts = points(store.metric_history(board, machine, config, name))
            unit = pts[-1].unit if pts else ""
            moved = [Finding("step", board, machine, config, name, pts[i].commit, a, b, unit)
                     for i, a, b in steps(pts, exact, **params)]
            history += moved
            got = latest(pts, exact, **params)
            if got:
                kind, before, after, thr, detail = got
                f = Finding(kind, board, machine, config, name, pts[-1].commit, before, after,
                            unit, thr, detail)
                # The last step in the regression's direction names where it moved.
                up = [s for s in moved if (s.after > s.before) == (kind == "regression")]
                f.moved_at = up[-1].commit if up else None
                current.append(f)
        current += case_findings(store, board, machine, config)
    return current, history
