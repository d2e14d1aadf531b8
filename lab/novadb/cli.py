"""lab/results: the results store from the command line (doc/lab.md).

  lab/results import FILE|DIR...   run documents (runner --json, LAVA) into the store
  lab/results regressions          print regressions; exit 1 if any
  lab/results report [--out F]     write the HTML report; print its path
  lab/results runs                 list stored runs

The database is --db, else $NOVA_RESULTS_DB, else results/nova.db.
"""
import argparse
import glob
import os
import sys

from novalab import expect

from . import regress, store


def _db(args):
    return args.db or os.environ.get("NOVA_RESULTS_DB") or store.DEFAULT_DB


def expected_for(doc):
    """The expected-case list of a document's suite/arch/board, if any."""
    if not (doc.get("suite") and doc.get("arch") and doc.get("board")):
        return None
    path = expect.find(doc["suite"], doc["arch"], doc["board"])
    return expect.load(path) if path else None


def import_files(db, paths, source=None, out=None):
    """Imports documents; returns the number of files that could not be read."""
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.json"))) if os.path.isdir(p) else [p]
    bad = 0
    for f in files:
        try:
            doc = store.load_document(f)
            run_id, how = db.add(doc, source=source, expected=expected_for(doc))
        except (OSError, ValueError, KeyError) as e:
            print(f"results: {f}: {e}", file=sys.stderr)
            bad += 1
            continue
        print(f"{how:<9} run {run_id}: {doc.get('machine')} {regress.short(doc.get('commit'))} "
              f"{doc.get('verdict')}  ({f})", file=out)
    return bad


def print_findings(current, history, out=None):
    """Prints findings; returns True when one is a regression."""
    for f in history:
        print(f.line(), file=out)
    for f in current:
        print(f.line(), file=out)
    bad = [f for f in current if f.kind in ("regression", "case")]
    print(f"results: {len(bad)} regression(s), {len(history)} step(s) in the history",
          file=out)
    return bool(bad)


def parser():
    ap = argparse.ArgumentParser(prog="lab/results", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLite database (default $NOVA_RESULTS_DB or results/nova.db)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    imp = sub.add_parser("import", help="import run documents")
    imp.add_argument("paths", nargs="+")
    imp.add_argument("--source", help="runner / lava (default: from the document)")
    for name in ("regressions", "report"):
        p = sub.add_parser(name)
        p.add_argument("--window", type=int, default=regress.DEFAULTS["window"],
                       help="baseline commits (default %(default)s)")
        p.add_argument("--k", type=float, default=regress.DEFAULTS["k"],
                       help="threshold in robust sigmas (default %(default)s)")
        p.add_argument("--floor", type=float, default=regress.DEFAULTS["rel_floor"],
                       help="minimum relative threshold (default %(default)s)")
    sub.choices["report"].add_argument("--out", help="HTML file (default: results/report.html"
                                       " next to the database)")
    sub.choices["report"].add_argument("--last", type=int, default=12,
                                       help="runs per matrix (default %(default)s)")
    runs = sub.add_parser("runs", help="list stored runs")
    runs.add_argument("--board")
    return ap


def main(argv=None):
    a = parser().parse_args(argv)
    with store.Store(_db(a)) as db:
        if a.cmd == "import":
            return 2 if import_files(db, a.paths, a.source) else 0
        if a.cmd == "runs":
            for r in db.runs(board=a.board):
                print(f"{r['id']:>5} {r['started'] or '':<25} {regress.short(r['commit_sha']):<12} "
                      f"{r['machine']:<24} {r['verdict']:<5} {r['status']:<8} {r['reason'] or ''}")
            return 0
        params = dict(window=a.window, k=a.k, rel_floor=a.floor)
        if a.cmd == "regressions":
            current, history = regress.analyse(db, **params)
            return 1 if print_findings(current, history) else 0
        from . import report       # matplotlib only when a report is asked for
        out = a.out or os.path.join(os.path.dirname(os.path.abspath(db.path)), "report.html")
        print(report.write(db, out, last=a.last, **params))
        return 0


if __name__ == "__main__":
    sys.exit(main())
