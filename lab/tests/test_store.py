"""The SQLite results store: keys, idempotent import, nothing dropped."""
import json
import sqlite3

import pytest

from novadb import store
from results_docs import CONFIG, ICOUNT, NAMES, commit, doc


@pytest.fixture
def db(tmp_path):
    with store.Store(str(tmp_path / "sub" / "nova.db")) as s:
        yield s


def test_runs_cases_metrics(db):
    run_id, how = db.add(doc(1, median=265))
    assert how == "added"
    (r,) = db.runs()
    assert (r["commit_sha"], r["board"], r["machine"], r["verdict"], r["status"]) == \
        (commit(1), "pc", "qemu-x86_64", "pass", "complete")
    assert json.loads(r["config"]) == CONFIG and r["source"] == "runner"
    assert set(db.cases(run_id)) == set(NAMES)
    assert db.metric_history("pc", "qemu-x86_64", store.config_key(CONFIG), "ipc.rtt.same_pd") \
        == [(commit(1), r["started"], 265.0, 260.0, 305.0, 1000, "cycles", run_id)]
    row = db.db.execute("SELECT q1, q3, extra FROM metrics").fetchone()
    assert (row["q1"], row["q3"], row["extra"]) == (264, 266, "{}")


def test_import_is_idempotent(db):
    d = doc(1, median=265)
    first = db.add(d)
    assert db.add(json.loads(json.dumps(d))) == (first[0], "unchanged")
    assert db.counts() == {"runs": 1, "cases": len(NAMES), "metrics": 1}


def test_same_lava_job_is_replaced_not_duplicated(db):
    d = doc(1, verdict="error")
    d["lava"] = {"job_id": "42", "url": "http://lava/scheduler/job/42"}
    d["cases"] = []
    run_id, _ = db.add(d)
    assert db.runs()[0]["status"] == "crashed"
    d2 = doc(1, median=265)
    d2["lava"] = d["lava"]
    assert db.add(d2)[1] == "replaced"
    (r,) = db.runs()
    assert r["verdict"] == "pass" and r["lava_job"] == "42" and r["source"] == "runner"


def test_series_are_kept_apart(db):
    db.add(doc(1, median=265))
    db.add(doc(1, median=265, config=ICOUNT))
    db.add(doc(1, median=265, machine="lava/qemu-x86_64"))
    db.add(doc(1, median=265, board="qemu", machine="qemu-aarch64-virt"))
    assert len(db.series()) == 4
    assert len(db.runs(board="pc", machine="qemu-x86_64", config=store.config_key(ICOUNT))) == 1


def test_missing_expected_cases_are_stored(db):
    run_id, _ = db.add(doc(1, drop=NAMES[0]), expected=NAMES)
    assert db.cases(run_id)[NAMES[0]]["result"] == "MISSING"
    assert db.runs()[0]["status"] == "partial"


def test_error_runs_list_no_missing_cases(db):
    d = doc(1, verdict="error")
    d["cases"], d["reason"] = [], "emulator qemu-system-x86_64 not found"
    run_id, _ = db.add(d, expected=NAMES)
    assert db.cases(run_id) == {} and db.runs()[0]["status"] == "crashed"


@pytest.mark.parametrize("edit, status", [
    (dict(panic="page fault", verdict="fail"), "crashed"),
    (dict(reason="no END line", verdict="fail"), "partial"),
    (dict(reason="console silent for 30 s after BEGIN (silence-timeout)", verdict="fail"),
     "partial"),
    (dict(reason="1 case(s) failed: x", verdict="fail"), "complete"),
])
def test_status(db, edit, status):
    db.add(dict(doc(1), **edit))
    assert db.runs()[0]["status"] == status


def test_absent_run_is_recorded(db):
    db.add_absent(commit(2), "rpi4", "lava/rpi4", CONFIG, "board unreachable: HTTP 503",
                  arch="aarch64")
    (r,) = db.runs()
    assert (r["verdict"], r["status"], r["reason"]) == ("error", "absent",
                                                        "board unreachable: HTTP 503")
    assert db.add_absent(commit(2), "rpi4", "lava/rpi4", CONFIG, "board unreachable: HTTP 503",
                         arch="aarch64", started=r["started"])[1] in ("unchanged", "replaced")
    assert db.counts()["runs"] == 1


def test_bad_documents_are_refused(db):
    with pytest.raises(ValueError, match="board"):
        db.add({"machine": "m", "verdict": "pass"})
    with pytest.raises(sqlite3.IntegrityError):
        db.add(dict(doc(1), verdict="great"))


def test_runs_order_and_limit(db):
    for i in (3, 1, 2):
        db.add(doc(i))
    assert [r["commit_sha"] for r in db.runs()] == [commit(1), commit(2), commit(3)]
    assert [r["commit_sha"] for r in db.runs(limit=2)] == [commit(2), commit(3)]


def test_reopening_keeps_data(tmp_path):
    path = str(tmp_path / "n.db")
    with store.Store(path) as s:
        s.add(doc(1))
    with store.Store(path) as s:
        assert s.counts()["runs"] == 1


def test_version_1_database_is_migrated_for_xfail(tmp_path):
    import sqlite3
    from novadb import store
    path = str(tmp_path / "old.db")
    old = sqlite3.connect(path)
    old.executescript(store._SCHEMA.replace(", 'XFAIL'", ""))
    old.execute("INSERT INTO meta VALUES ('schema', '1')")
    old.commit()
    old.close()
    with store.Store(path) as s:
        assert s.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == "2"
        sql = s.db.execute("SELECT sql FROM sqlite_master WHERE name='cases'").fetchone()[0]
        assert "XFAIL" in sql
