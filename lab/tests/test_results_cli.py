"""lab/results end to end: import, regressions (exit status), report."""
import json
import os
import subprocess

from conftest import LAB
from results_docs import ICOUNT, NAMES, commit, doc

RESULTS = os.path.join(LAB, "results")


def results(db, *args):
    return subprocess.run([RESULTS, "--db", str(db), *args], capture_output=True, text=True,
                          timeout=120)


def write_docs(directory, values, config=ICOUNT, fail_last=False):
    directory.mkdir(exist_ok=True)
    for i, v in enumerate(values):
        d = doc(i, median=v, config=config, unit="instructions",
                fail=NAMES[0] if fail_last and i == len(values) - 1 else None)
        (directory / f"{i}.json").write_text(json.dumps(d))


def test_import_twice_then_no_regression(tmp_path):
    write_docs(tmp_path / "docs", [265] * 4)
    db = tmp_path / "nova.db"
    first = results(db, "import", str(tmp_path / "docs"))
    assert first.returncode == 0 and first.stdout.count("added") == 4
    again = results(db, "import", str(tmp_path / "docs"))
    assert again.stdout.count("unchanged") == 4
    done = results(db, "regressions")
    assert done.returncode == 0, done.stdout
    assert "0 regression(s)" in done.stdout
    assert results(db, "runs").stdout.count("qemu-x86_64") == 4


def test_injected_regression_is_flagged_with_its_commit(tmp_path):
    write_docs(tmp_path / "docs", [265, 265, 265, 301])
    db = tmp_path / "nova.db"
    results(db, "import", str(tmp_path / "docs"))
    done = results(db, "regressions")
    assert done.returncode == 1
    assert f"REGRESSION  qemu-x86_64 [pc, icount] ipc.rtt.same_pd: 265 -> 301 instructions " \
           f"(+13.6%) at {commit(3)[:12]}" in done.stdout


def test_unreadable_document_fails_the_import(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    done = results(tmp_path / "nova.db", "import", str(tmp_path / "bad.json"))
    assert done.returncode == 2 and "bad.json" in done.stderr


def test_report_prints_its_path(tmp_path):
    write_docs(tmp_path / "docs", [265, 266])
    db = tmp_path / "db" / "nova.db"
    results(db, "import", str(tmp_path / "docs"))
    done = results(db, "report")
    assert done.returncode == 0
    path = done.stdout.strip().splitlines()[-1]
    assert path == str(tmp_path / "db" / "report.html") and os.path.isfile(path)


def test_default_db_from_environment(tmp_path):
    write_docs(tmp_path / "docs", [265])
    env = dict(os.environ, NOVA_RESULTS_DB=str(tmp_path / "env.db"))
    subprocess.run([RESULTS, "import", str(tmp_path / "docs")], env=env, check=True,
                   capture_output=True)
    assert (tmp_path / "env.db").exists()
