"""ci/nightly --local end to end (real lava-run, QEMU boards), and the remote
flow through a LAVA-like server whose jobs the real dispatcher executes."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest
import yaml

from conftest import LAB
from novalab import expect, paths
from novalava import dispatcher, inventory, nightly

sys.path.insert(0, os.path.join(LAB, "tests"))
from fake_lava import TOKEN, FakeLava    # noqa: E402

NIGHTLY = os.path.join(paths.REPO, "ci", "nightly")


def seed_history(db_path):
    """Seven earlier commits of lava/qemu-x86_64 with an IPC figure; the
    sixth made it slower: the injected regression."""
    t = inventory.by_name(inventory.load(), "qemu-x86_64")
    names = expect.load(t.expect_file())
    sys.path.insert(0, LAB)
    from novadb import store
    with store.Store(db_path) as db:
        for i, v in enumerate([265] * 5 + [301, 301]):
            db.add({"commit": f"{i:02d}" + "feed" * 9 + "ab", "arch": "x86_64", "board": "pc",
                    "machine": t.machine, "suite": "kernel", "config": t.config(),
                    "verdict": "pass", "reason": None, "source": "lava",
                    "cases": [{"name": n, "result": "PASS", "detail": ""} for n in names],
                    "metrics": [{"name": "ipc.rtt.same_pd", "unit": "instructions", "n": 1000,
                                 "min": v, "median": v, "mean": v, "max": v}],
                    "started": f"2026-01-{i + 1:02d}T02:00:00+00:00"})
    return [f"{i:02d}" + "feed" * 9 + "ab" for i in range(7)]


def test_nightly_local_stores_reports_and_flags_the_injected_regression(built, lava_ready, tmp_path):
    db = tmp_path / "nova.db"
    commits = seed_history(str(db))
    done = subprocess.run([NIGHTLY, "--local", "--no-build", "--workdir", str(tmp_path / "w"),
                           "--db", str(db)], capture_output=True, text=True, timeout=900)
    lines = done.stdout.splitlines()
    assert lines[-1] == str(tmp_path / "w" / "report.html"), done.stdout + done.stderr
    assert done.returncode == 1, done.stdout        # the regression fails the nightly
    assert (f"REGRESSION  lava/qemu-x86_64 [pc, icount] ipc.rtt.same_pd: 265 -> 301 instructions "
            f"(+13.6%) at {commits[6][:12]}; exact icount figure; moved at {commits[5][:12]}") \
        in lines
    assert f"STEP        lava/qemu-x86_64 [pc, icount] ipc.rtt.same_pd: 265 -> 301 instructions " \
           f"(+13.6%) at {commits[5][:12]}" in lines
    for name in ("qemu-x86_64", "qemu-aarch64", "qemu-aarch64-uboot", "qemu-aarch64-uefi"):
        assert f"nightly: {name}: pass" in lines
    for name in ("zcu102", "sdm670", "pc"):
        assert f"nightly: {name}: validate pass" in lines
    con = sqlite3.connect(db)
    head = paths.git_commit()
    rows = con.execute("SELECT machine, verdict, status, source FROM runs WHERE commit_sha = ?",
                       (head,)).fetchall()
    assert sorted(rows) == [(f"lava/{n}", "pass", "complete", "lava") for n in
                            ("qemu-aarch64", "qemu-aarch64-uboot", "qemu-aarch64-uefi",
                             "qemu-x86_64")]
    assert con.execute("SELECT COUNT(*) FROM cases c JOIN runs r ON r.id = c.run_id"
                       " WHERE r.commit_sha = ? AND c.result = 'MISSING'", (head,)).fetchone()[0] == 0
    page = (tmp_path / "w" / "report.html").read_text()
    assert "Board pc" in page and "Board qemu" in page and "data:image/png;base64," in page
    doc = json.loads((tmp_path / "w" / "results" / head / "qemu-aarch64-uboot.json").read_text())
    assert doc["verdict"] == "pass" and doc["source"] == "lava"


def real_dispatcher(workdir):
    """The fake server's executor: the real lava-run, on this machine."""
    targets = inventory.load()

    def execute(definition, attempt):
        t = inventory.by_name(targets, definition["metadata"]["nova.target"])
        run = dispatcher.run(t, yaml.safe_dump(definition),
                             os.path.join(workdir, f"{t.name}-{attempt}"))
        return ("Complete" if "@nova END" in run.log else "Incomplete"), run.log
    return execute


def test_server_flow_with_the_real_dispatcher(built, lava_ready, tmp_path, monkeypatch, capsys):
    lava = FakeLava({"qemu": ["Good"], "nova-qemu-uboot": ["Good"]},
                    real_dispatcher(str(tmp_path / "lava")), polls_to_finish=1)
    try:
        monkeypatch.setenv("NOVA_LAVA_URL", lava.url)
        monkeypatch.setenv("NOVA_LAVA_TOKEN", TOKEN)
        monkeypatch.setattr(nightly.ServerEngine, "poll_s", 0.2)
        work = tmp_path / "w"
        o = nightly.Options(targets=["qemu-x86_64", "qemu-aarch64-uboot"], workdir=str(work),
                            db=str(tmp_path / "nova.db"), build=False,
                            url_prefix=f"file://{work}/publish")
        assert nightly.run(o) == nightly.EXIT_OK, capsys.readouterr().out
    finally:
        lava.close()
    rows = sqlite3.connect(o.db).execute("SELECT machine, verdict, lava_job FROM runs").fetchall()
    assert sorted(rows) == [("lava/qemu-aarch64-uboot", "pass", "2"), ("lava/qemu-x86_64", "pass", "1")]
