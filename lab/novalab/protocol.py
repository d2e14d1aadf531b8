"""Parser of the console protocol: one `@nova ...` line -> one event.

The parser is stateless; judging a sequence of events is verdict.py's job.
Malformed tagged lines become `Malformed` events so the run can fail on them
instead of silently dropping a result.
"""
from dataclasses import dataclass, field

TAG = "@nova "
RESULTS = ("PASS", "FAIL", "SKIP")
METRIC_FIELDS = ("n", "min", "median", "mean", "max")


@dataclass
class Begin:
    fields: dict          # suite, arch, board, version, ... as printed


@dataclass
class Plan:
    count: int


@dataclass
class Case:
    name: str
    result: str           # PASS / FAIL / SKIP
    detail: str = ""


@dataclass
class Metric:
    name: str
    unit: str
    values: dict = field(default_factory=dict)   # n/min/median/mean/max (+extras)


@dataclass
class End:
    tallies: dict         # pass / fail / skip -> int


@dataclass
class Panic:
    message: str


@dataclass
class Malformed:
    line: str
    why: str


def _number(text):
    """int when integral, else float; ValueError otherwise."""
    try:
        return int(text, 0) if text.lower().startswith("0x") else int(text)
    except ValueError:
        return float(text)


def _keyvals(words):
    out = {}
    for w in words:
        key, sep, val = w.partition("=")
        if not sep or not key:
            raise ValueError(f"expected key=value, got {w!r}")
        out[key] = val
    return out


def parse_line(line):
    """Returns an event for a protocol line, or None for free text.

    The tag is searched anywhere in the line: firmware may leave escape
    sequences or a partial line in front of the kernel's first output.
    """
    pos = line.find(TAG)
    if pos < 0:
        return None
    body = line[pos + len(TAG):].strip()
    kind, _, rest = body.partition(" ")
    rest = rest.strip()
    try:
        return _PARSERS[kind](rest)
    except KeyError:
        return Malformed(line, f"unknown record {kind!r}")
    except (ValueError, IndexError) as e:
        return Malformed(line, str(e))


def _begin(rest):
    return Begin(_keyvals(rest.split()))


def _plan(rest):
    return Plan(int(rest.split()[0]))


def _case(rest):
    words = rest.split(None, 2)
    if len(words) < 2 or words[1] not in RESULTS:
        raise ValueError("CASE needs <name> PASS|FAIL|SKIP")
    return Case(words[0], words[1], words[2].strip() if len(words) > 2 else "")


def _metric(rest):
    words = rest.split()
    kv = _keyvals(words[1:])
    unit = kv.pop("unit", "")
    values = {k: _number(v) for k, v in kv.items()}
    missing = [k for k in METRIC_FIELDS if k not in values]
    if missing:
        raise ValueError(f"METRIC lacks {','.join(missing)}")
    return Metric(words[0], unit, values)


def _end(rest):
    kv = _keyvals(rest.split())
    missing = [k for k in ("pass", "fail", "skip") if k not in kv]
    if missing:
        raise ValueError(f"END lacks {','.join(missing)}")
    return End({k: int(kv[k]) for k in ("pass", "fail", "skip")})


def _panic(rest):
    return Panic(rest)


_PARSERS = {"BEGIN": _begin, "PLAN": _plan, "CASE": _case, "METRIC": _metric,
            "END": _end, "PANIC": _panic}
