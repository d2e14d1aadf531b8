"""Human-readable output: live progress while lines arrive, then the table.

Everything goes to one text stream (stdout normally, stderr under --tap so
TAP owns stdout).
"""
from . import protocol


class Progress:
    """Prints console lines as they come, with protocol lines made visible."""

    def __init__(self, out, quiet=False, raw=False):
        self.out = out
        self.quiet = quiet
        self.raw = raw
        self.plan = None
        self.count = 0

    def line(self, text, event, t):
        if self.raw:
            self._put(visible(text))
        elif isinstance(event, protocol.Case):
            self.count += 1
            total = self.plan if self.plan is not None else "?"
            width = len(str(total))
            detail = f"  ({event.detail})" if event.detail else ""
            self._put(f"[{self.count:>{width}}/{total}] {event.result:<4} {event.name}{detail}")
        elif isinstance(event, protocol.Plan):
            self.plan = event.count
            self._put(f"== PLAN {event.count} cases")
        elif isinstance(event, protocol.Begin):
            self._put(f"== BEGIN at {t:.2f} s: " + " ".join(f"{k}={v}" for k, v in event.fields.items()))
        elif isinstance(event, protocol.End):
            self._put(f"== END at {t:.2f} s: " + " ".join(f"{k}={v}" for k, v in event.tallies.items()))
        elif isinstance(event, protocol.Panic):
            self._put(f"!! PANIC {event.message}")
        elif isinstance(event, protocol.Malformed):
            self._put(f"?? {text}   <- malformed: {event.why}")
        elif isinstance(event, protocol.Metric):
            v = event.values
            self._put(f"   METRIC {event.name}: median {v['median']} {event.unit} (n={v['n']})")
        elif not self.quiet:
            self._put("   | " + visible(text))

    def note(self, text):
        self._put(f"lab: {text}")

    def _put(self, text):
        print(text, file=self.out, flush=True)


def visible(text):
    """Console text with control characters shown as ^X: firmware escape
    sequences must not repaint the user's terminal."""
    return "".join(ch if ch == "\t" or (" " <= ch != "\x7f") else
                   "^" + chr((ord(ch) + 64) % 128) for ch in text)


def table(r, out):
    """Per-case table, metrics, then the summary block."""
    v, rec = r.verdict, r.record
    rows = [(c.name, c.result, "" if c.duration_s is None else f"{c.duration_s:.3f}",
             c.detail or "") for c in v.cases]
    if rows:
        w = max(len(n) for n, *_ in rows)
        print(f"\n{'case':<{w}}  result   time s  detail", file=out)
        print(f"{'-' * w}  -------  ------  ------", file=out)
        for name, result, dur, detail in rows:
            print(f"{name:<{w}}  {result:<7}  {dur:>6}  {detail}".rstrip(), file=out)
    if rec.metrics:
        print("\nmetric                           unit        n       min    median      mean       max", file=out)
        for m in rec.metrics:
            x = m.values
            print(f"{m.name:<32} {m.unit:<8} {x['n']:>4} {x['min']:>9} {x['median']:>9} "
                  f"{x['mean']:>9} {x['max']:>9}", file=out)
    summary(r, out)


def summary(r, out):
    v, rec = r.verdict, r.record
    n = {k: sum(c.result == k for c in v.cases) for k in ("PASS", "FAIL", "SKIP", "MISSING", "XFAIL")}
    boot = "-" if rec.begin_t is None else f"{rec.begin_t:.2f} s"
    total = "-" if rec.total_t is None else f"{rec.total_t:.2f} s"
    print(f"\nmachine  {r.profile.name} ({r.mode})", file=out)
    if r.mode == "protocol":
        print(f"cases    pass {n['PASS']}, fail {n['FAIL']}, skip {n['SKIP']}, "
              f"missing {n['MISSING']}" + (f", known failures {n['XFAIL']}" if n["XFAIL"] else ""),
              file=out)
    print(f"time     boot {boot}, total {total}, emulator exit status {rec.exit_status}", file=out)
    if rec.panic is not None:
        print(f"panic    {rec.panic}", file=out)
    print(f"verdict  {v.verdict.upper()}" + (f": {v.reason}" if v.reason else ""), file=out, flush=True)
