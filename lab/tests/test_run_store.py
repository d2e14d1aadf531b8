"""lab/run --store: the run lands in the results store, once."""
import sqlite3


def test_store_records_the_run(lab_run):
    db = lab_run.tmp / "results" / "nova.db"
    out = lab_run("pass", "--store", str(db))
    assert out.code == 0 and f"lab: run added as 1 in {db}" in out.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT machine, verdict, status, source FROM runs").fetchall() == \
        [("qemu-x86_64", "pass", "complete", "runner")]
    assert con.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == len(out.doc["cases"])
    assert con.execute("SELECT name, median FROM metrics").fetchall() == [("ipc.rtt.same_pd", 2)]


def test_store_keeps_failed_and_partial_runs(lab_run):
    db = lab_run.tmp / "nova.db"
    assert lab_run("drop_case", "--store", str(db)).code == 1
    assert lab_run("qemu_error", "--store", str(db)).code == 2
    con = sqlite3.connect(db)
    assert con.execute("SELECT verdict, status FROM runs ORDER BY id").fetchall() == \
        [("fail", "partial"), ("error", "crashed")]
    assert con.execute("SELECT COUNT(*) FROM cases WHERE result = 'MISSING'").fetchone()[0] == 1
