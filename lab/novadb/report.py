"""The static HTML report: one self-contained file (inline CSS, plots as
PNG data URIs, no scripts or fetched resources), so it can be published as
a CI artifact and opened anywhere.

Per board: for each series (machine + config), a pass/fail matrix of the
recent runs (cases x runs) and, per metric, its history plot.
"""
import base64
import datetime
import html
import os

from . import plots, regress

CSS = """
body{font:14px/1.4 sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
h3{font-size:1em;margin-top:1.5em}
table{border-collapse:collapse;font-size:12px;margin:.5em 0}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:center}
td.name{text-align:left;font-family:monospace}
.PASS,.pass{background:#c8e6c9}.FAIL,.fail{background:#ef9a9a}.SKIP{background:#eeeeee}
.MISSING{background:#ffcc80}.XFAIL{background:#fff59d}.error{background:#b0bec5}
.regression{color:#b71c1c;font-weight:bold}.improvement{color:#1b5e20}
.small{color:#666;font-size:12px}
"""


def _e(x):
    return html.escape("" if x is None else str(x))


def _matrix(store, board, machine, config, last):
    runs = store.runs(board, machine, config, limit=last)
    names, per_run = [], []
    for r in runs:
        cases = store.cases(r["id"])
        per_run.append(cases)
        names += [n for n in cases if n not in names]
    out = ["<table><tr><th>case</th>"]
    for r in runs:
        when = (r["started"] or "")[:16].replace("T", " ")
        title = _e(r["reason"] or r["verdict"])
        job = f"<br><a href='{_e(r['lava_url'])}'>job</a>" if r["lava_url"] else ""
        out.append(f"<th title='{title}'>{_e(regress.short(r['commit_sha'])[:8])}"
                   f"<br><span class=small>{_e(when)}</span>{job}</th>")
    out.append("</tr><tr><td class=name>verdict</td>")
    out += [f"<td class={_e(r['verdict'])} title='{_e(r['reason'])}'>{_e(r['verdict'])}"
            f"{'' if r['status'] == 'complete' else '<br>' + _e(r['status'])}</td>" for r in runs]
    out.append("</tr>")
    for n in names:
        out.append(f"<tr><td class=name>{_e(n)}</td>")
        for cases in per_run:
            c = cases.get(n)
            res = c["result"] if c else ""
            out.append(f"<td class={res} title='{_e(c['detail'] if c else '')}'>{_e(res)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _plot(store, board, machine, config, name, findings, **params):
    hist = store.metric_history(board, machine, config, name)
    pts = regress.points(hist)
    ranges = {}
    for commit, started, _m, mn, mx, *_ in hist:
        lo, hi = ranges.get(commit or f"?{started}", (None, None))
        ranges[commit or f"?{started}"] = (mn if lo is None or (mn is not None and mn < lo) else lo,
                                           mx if hi is None or (mx is not None and mx > hi) else hi)
    exact = regress.deterministic(config)
    steps = regress.steps(pts, exact, **params)
    flagged = [len(pts) - 1 for f in findings if f.kind == "regression" and f.name == name
               and (f.board, f.machine, f.config) == (board, machine, config)]
    png = plots.history_png(f"{name} — {machine} [{regress.config_label(config)}]", pts,
                            [ranges[q.commit] for q in pts], steps, flagged, exact, **params)
    return ("<img alt='" + _e(name) + "' src='data:image/png;base64,"
            + base64.b64encode(png).decode() + "'>")


def write(store, path, last=12, title="NOVA lab results", **params):
    """Writes the report to path (an .html file); returns path."""
    current, history = regress.analyse(store, **params)
    counts = store.counts()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_e(title)}</title>"
           f"<style>{CSS}</style></head><body><h1>{_e(title)}</h1>",
           f"<p class=small>{_e(now)} · {counts['runs']} runs, {counts['cases']} case results, "
           f"{counts['metrics']} metric summaries · {_e(os.path.basename(store.path))}</p>",
           "<h2>Findings</h2>"]
    if current:
        out.append("<ul>" + "".join(f"<li class={f.kind}>{_e(f.line())}</li>" for f in current)
                   + "</ul>")
    else:
        out.append("<p>No regressions against the baselines.</p>")
    if history:
        out.append("<h3>Steps in the history</h3><ul>"
                   + "".join(f"<li>{_e(f.line())}</li>" for f in history) + "</ul>")
    boards = sorted({s[0] for s in store.series()})
    for board in boards:
        out.append(f"<h2 id='{_e(board)}'>Board {_e(board)}</h2>")
        for b, machine, config in store.series():
            if b != board:
                continue
            out.append(f"<h3>{_e(machine)} · {_e(regress.config_label(config))}</h3>"
                       f"<p class=small>config {_e(config)}</p>")
            out.append(_matrix(store, board, machine, config, last))
            for name in store.metric_names(board, machine, config):
                out.append(_plot(store, board, machine, config, name, current, **params))
    out.append("</body></html>\n")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    return path

