"""The results store: runs, cases and metrics in one SQLite database.

A run is keyed by commit, board, machine and config (a series is board +
machine + config: what regressions compare). Import is idempotent: a run's
key is its LAVA job (server + id) or the hash of its document, and the same
key imported again changes nothing (or replaces the row when the document
changed, e.g. a LAVA job finished after a first, partial import). Nothing is
dropped: a run without any document is stored as an `absent` error run, and
expected cases that never reported are stored as MISSING.
"""
import datetime
import hashlib
import json
import os
import sqlite3

DEFAULT_DB = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "results", "nova.db")
SCHEMA_VERSION = 2   # 2: case result XFAIL (known failures)
METRIC_COLUMNS = ("n", "min", "q1", "median", "mean", "q3", "max")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  run_key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  commit_sha TEXT,
  version TEXT,
  arch TEXT,
  board TEXT NOT NULL,
  machine TEXT NOT NULL,
  config TEXT NOT NULL,
  suite TEXT,
  started TEXT,
  imported TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'error')),
  status TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'crashed', 'absent')),
  reason TEXT,
  panic TEXT,
  exit_status INTEGER,
  boot_s REAL,
  total_s REAL,
  lava_job TEXT,
  lava_url TEXT,
  document TEXT
);
CREATE INDEX IF NOT EXISTS runs_series ON runs (board, machine, config, started);
CREATE TABLE IF NOT EXISTS cases (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('PASS', 'FAIL', 'SKIP', 'MISSING', 'XFAIL')),
  detail TEXT,
  duration_s REAL,
  PRIMARY KEY (run_id, name)
);
CREATE TABLE IF NOT EXISTS metrics (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  unit TEXT,
  n INTEGER, min REAL, q1 REAL, median REAL, mean REAL, q3 REAL, max REAL,
  extra TEXT,
  PRIMARY KEY (run_id, name)
);
"""


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"))


def config_key(config):
    """The config part of a series key: canonical JSON of the run's config."""
    return canonical(config or {})


def status_of(doc):
    """complete / partial / crashed, from what the document says happened."""
    reason = doc.get("reason") or ""
    if doc.get("panic") or doc.get("verdict") == "error":
        return "crashed"
    if any(c.get("result") == "MISSING" for c in doc.get("cases", ())):
        return "partial"
    if "no END line" in reason or "timeout" in reason:
        return "partial"
    return "complete"


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, path=DEFAULT_DB):
        self.path = path
        if path != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        self._migrate()
        self.db.commit()

    def _migrate(self):
        """Version 1 databases lack XFAIL in the cases CHECK: SQLite cannot
        alter a constraint, so the table is rebuilt with the rows kept."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row and int(row[0]) >= SCHEMA_VERSION:
            return
        cases_sql = _SCHEMA[_SCHEMA.index("CREATE TABLE IF NOT EXISTS cases"):]
        cases_sql = cases_sql[:cases_sql.index(");") + 2].replace("cases (", "cases_new (", 1)
        self.db.execute("PRAGMA foreign_keys = OFF")
        with self.db:
            self.db.execute(cases_sql.replace("IF NOT EXISTS ", ""))
            self.db.execute("INSERT INTO cases_new SELECT * FROM cases")
            self.db.execute("DROP TABLE cases")
            self.db.execute("ALTER TABLE cases_new RENAME TO cases")
            self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
        self.db.execute("PRAGMA foreign_keys = ON")

    def close(self):
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- import ------------------------------------------------------------

    def add(self, doc, source=None, key=None, expected=None):
        """Stores one run document; returns (run_id, 'added'|'unchanged'|'replaced').

        expected: case names the run should have reported; any absent from
        the document (and not an error run, where nothing ran) become MISSING.
        """
        for k in ("board", "machine", "verdict"):
            if not doc.get(k):
                raise ValueError(f"run document lacks {k!r}")
        source = source or doc.get("source") or "runner"
        lava = doc.get("lava") or {}
        if key is None:
            if lava.get("job_id"):
                key = f"lava:{lava.get('url') or ''}:{lava['job_id']}"
            else:
                key = "doc:" + hashlib.sha256(canonical(doc).encode()).hexdigest()
        text = canonical(doc)
        old = self.db.execute("SELECT id, document FROM runs WHERE run_key = ?", (key,)).fetchone()
        if old and old["document"] == text:
            return old["id"], "unchanged"
        cases = list(doc.get("cases") or [])
        if expected and doc["verdict"] != "error":
            seen = {c["name"] for c in cases}
            cases += [{"name": n, "result": "MISSING", "detail": "", "duration_s": None}
                      for n in expected if n not in seen]
        status = status_of(dict(doc, cases=cases))
        dur = doc.get("durations") or {}
        with self.db:
            if old:
                self.db.execute("DELETE FROM runs WHERE id = ?", (old["id"],))
            cur = self.db.execute(
                "INSERT INTO runs (run_key, source, commit_sha, version, arch, board, machine,"
                " config, suite, started, imported, verdict, status, reason, panic, exit_status,"
                " boot_s, total_s, lava_job, lava_url, document)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, source, doc.get("commit"), doc.get("version"), doc.get("arch"),
                 doc["board"], doc["machine"], config_key(doc.get("config")), doc.get("suite"),
                 doc.get("started") or _now(), _now(), doc["verdict"], status, doc.get("reason"),
                 doc.get("panic"), doc.get("exit_status"), dur.get("boot_s"), dur.get("total_s"),
                 lava.get("job_id"), lava.get("url"), text))
            run_id = cur.lastrowid
            self.db.executemany(
                "INSERT OR REPLACE INTO cases VALUES (?,?,?,?,?)",
                [(run_id, c["name"], c["result"], c.get("detail") or "", c.get("duration_s"))
                 for c in cases])
            self.db.executemany(
                "INSERT OR REPLACE INTO metrics VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(run_id, m["name"], m.get("unit"), *[m.get(k) for k in METRIC_COLUMNS],
                  canonical({k: v for k, v in m.items()
                             if k not in METRIC_COLUMNS + ("name", "unit")}))
                 for m in doc.get("metrics") or ()])
        return run_id, "replaced" if old else "added"

    def add_absent(self, commit, board, machine, config, reason, source="nightly",
                   arch=None, started=None, key=None):
        """Records a run that produced no document at all (crashed runner,
        unreachable board, job never scheduled): an error, never a gap."""
        doc = {"commit": commit, "arch": arch, "board": board, "machine": machine,
               "config": config, "verdict": "error", "reason": reason, "cases": [],
               "metrics": [], "started": started or _now(), "source": source}
        run_id, how = self.add(doc, source=source,
                               key=key or f"absent:{machine}:{commit}:{config_key(config)}")
        self.db.execute("UPDATE runs SET status = 'absent' WHERE id = ?", (run_id,))
        self.db.commit()
        return run_id, how

    # -- queries -----------------------------------------------------------

    def series(self):
        """Every (board, machine, config) that has runs, sorted."""
        return [tuple(r) for r in self.db.execute(
            "SELECT DISTINCT board, machine, config FROM runs ORDER BY board, machine, config")]

    def runs(self, board=None, machine=None, config=None, limit=None):
        """Runs oldest first (by start time), optionally of one series."""
        where, args = [], []
        for col, val in (("board", board), ("machine", machine), ("config", config)):
            if val is not None:
                where.append(f"{col} = ?")
                args.append(val)
        sql = "SELECT * FROM runs" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY started DESC, id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return list(reversed(self.db.execute(sql, args).fetchall()))

    def cases(self, run_id):
        return {r["name"]: r for r in self.db.execute(
            "SELECT * FROM cases WHERE run_id = ?", (run_id,))}

    def metric_names(self, board, machine, config):
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT m.name FROM metrics m JOIN runs r ON r.id = m.run_id"
            " WHERE r.board = ? AND r.machine = ? AND r.config = ? ORDER BY m.name",
            (board, machine, config))]

    def metric_history(self, board, machine, config, name):
        """[(commit, started, median, min, max, n, unit, run_id)] oldest first."""
        return [tuple(r) for r in self.db.execute(
            "SELECT r.commit_sha, r.started, m.median, m.min, m.max, m.n, m.unit, r.id"
            " FROM metrics m JOIN runs r ON r.id = m.run_id"
            " WHERE r.board = ? AND r.machine = ? AND r.config = ? AND m.name = ?"
            "   AND m.median IS NOT NULL"
            " ORDER BY r.started, r.id", (board, machine, config, name))]

    def counts(self):
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("runs", "cases", "metrics")}


def load_document(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
