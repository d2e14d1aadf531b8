"""The HTML report: self-contained, a matrix per series, a plot per metric."""
import base64
import re

import pytest

from novadb import report, store
from results_docs import ICOUNT, NAMES, commit, doc


@pytest.fixture
def db(tmp_path):
    with store.Store(str(tmp_path / "nova.db")) as s:
        for i, v in enumerate([265, 268, 262, 266, 264, 301, 299]):
            s.add(doc(i, median=v, fail=NAMES[3] if i == 6 else None))
        for i, v in enumerate([265] * 5 + [301, 301]):
            s.add(doc(i, median=v, config=ICOUNT, unit="instructions"))
        d = doc(7, board="rpi4", machine="lava/rpi4")
        d["lava"] = {"job_id": "9", "url": "https://lava.example/scheduler/job/9"}
        s.add(d)
        s.add_absent(commit(8), "rpi4", "lava/rpi4", {}, "board unreachable")
        yield s


def test_report_is_self_contained(db, tmp_path):
    path = report.write(db, str(tmp_path / "out" / "r.html"))
    page = open(path).read()
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"src=['\"](?!data:)", page)          # every image inline
    pngs = re.findall(r"src='data:image/png;base64,([^']+)'", page)
    assert len(pngs) == 2                                         # one per metric series
    assert all(base64.b64decode(p).startswith(b"\x89PNG") for p in pngs)


def test_report_content(db, tmp_path):
    page = open(report.write(db, str(tmp_path / "r.html"), last=5)).read()
    assert "Board pc" in page and "Board rpi4" in page
    assert "REGRESSION" in page and f"moved at {commit(5)[:12]}" in page
    assert "Steps in the history" in page
    assert f"class=FAIL title='expected=1 got=2'>FAIL" in page
    assert "absent" in page and "board unreachable" in page
    assert "href='https://lava.example/scheduler/job/9'" in page   # a link, not a resource
    # --last bounds the matrix: 5 run columns + the case column
    pc_timed = page.split("qemu-x86_64 · timed")[1].split("</table>")[0]
    assert pc_timed.count("<th") == 6


def test_empty_store(tmp_path):
    with store.Store(str(tmp_path / "e.db")) as s:
        page = open(report.write(s, str(tmp_path / "e.html"))).read()
    assert "No regressions" in page
