"""Metric history plots (matplotlib, Agg): PNG bytes for the report.

One point per commit (median, with the runs' min..max as a bar), the
baseline band each point was judged against (rolling median ± threshold),
flagged steps as dashed lines labelled with their commit, regressions red.
"""
import io
import statistics

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt   # noqa: E402  (after the backend choice)

from . import regress             # noqa: E402


def bands(pts, exact, **params):
    """(low, high) of the baseline each point was checked against, or None."""
    p = dict(regress.DEFAULTS, **params)
    out = []
    for i in range(len(pts)):
        base = [q.value for q in pts[max(0, i - p["window"]):i]]
        if not base or (not exact and len(base) < p["min_history"]):
            out.append(None)
            continue
        m = statistics.median(base)
        thr = p["exact_tolerance"] if exact else regress.threshold(m, regress.spread(base), p)
        out.append((m - thr, m + thr))
    return out


def history_png(title, pts, ranges, steps, flagged, exact, **params):
    """pts: regress.Point list; ranges: [(min, max)] per point; steps:
    [(index, before, after)]; flagged: indexes to mark as regressions."""
    fig, ax = plt.subplots(figsize=(8, 3.2), dpi=90)
    xs = list(range(len(pts)))
    ys = [q.value for q in pts]
    lo = [y - (r[0] if r[0] is not None else y) for y, r in zip(ys, ranges)]
    hi = [(r[1] if r[1] is not None else y) - y for y, r in zip(ys, ranges)]
    ax.errorbar(xs, ys, yerr=[lo, hi], fmt="o-", color="#1f5fa8", ecolor="#9bb7d9",
                capsize=2, markersize=4, linewidth=1.2, label="median (min..max)")
    band = bands(pts, exact, **params)
    have = [i for i, b in enumerate(band) if b]
    if have:
        ax.fill_between(have, [band[i][0] for i in have], [band[i][1] for i in have],
                        color="#8fd18f", alpha=0.35, step="mid",
                        label="baseline" + (" (exact)" if exact else " ± threshold"))
    for i, _before, _after in steps:
        ax.axvline(i - 0.5, color="#d08000", linestyle="--", linewidth=1)
        ax.annotate(regress.short(pts[i].commit)[:8], (i - 0.5, max(ys)), rotation=90,
                    fontsize=7, color="#d08000", ha="right", va="top")
    if flagged:
        ax.plot([xs[i] for i in flagged], [ys[i] for i in flagged], "o", color="#c62828",
                markersize=8, label="regression")
    ax.set_title(title, fontsize=9)
    ax.set_ylabel(pts[-1].unit if pts else "")
    ax.set_xticks(xs)
    ax.set_xticklabels([regress.short(q.commit)[:7] for q in pts], rotation=60, fontsize=7)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
