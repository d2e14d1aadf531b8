"""Regression tracking: baselines, thresholds, exact icount figures, steps."""
import pytest

from novadb import regress, store
from results_docs import CONFIG, ICOUNT, NAMES, commit, doc


def pts(values):
    return [regress.Point(commit(i), f"t{i:03d}", v, "cycles") for i, v in enumerate(values)]


NOISY = [265, 268, 262, 266, 264, 267, 263]


def test_noisy_latest_within_and_beyond_threshold():
    assert regress.latest(pts(NOISY + [270]), exact=False) is None
    kind, before, after, thr, _ = regress.latest(pts(NOISY + [300]), exact=False)
    assert (kind, before, after) == ("regression", 265, 300)
    assert thr == pytest.approx(max(4 * regress.spread(NOISY), 0.02 * 265))
    assert regress.latest(pts(NOISY + [230]), exact=False)[0] == "improvement"


def test_relative_floor_guards_quiet_series():
    flat = [1000] * 6
    assert regress.latest(pts(flat + [1015]), exact=False) is None      # < 2 %
    assert regress.latest(pts(flat + [1030]), exact=False)[0] == "regression"


def test_too_little_history_is_no_verdict():
    assert regress.latest(pts([265, 400]), exact=False) is None
    assert regress.latest(pts([265]), exact=True) is None


def test_exact_figures_are_exact_up_to_one_counter_unit():
    assert regress.latest(pts([265, 265, 265]), exact=True) is None
    assert regress.latest(pts([23, 24, 23, 24]), exact=True) is None      # aarch64 quanta
    kind, before, after, thr, detail = regress.latest(pts([265, 265, 267]), exact=True)
    assert (kind, before, after, thr) == ("regression", 265, 267, 1) and "icount" in detail
    # still flagged on the next commit: the baseline is the window's median
    assert regress.latest(pts([265, 265, 265, 267, 267]), exact=True)[0] == "regression"
    assert regress.latest(pts([265, 265, 265]), exact=True, exact_tolerance=0) is None
    assert regress.latest(pts([265, 265, 266]), exact=True, exact_tolerance=0)[0] == "regression"


def test_steps_name_the_commit_that_moved():
    noisy = [265, 268, 262, 266, 264, 301, 298, 303, 300]
    assert regress.steps(pts(noisy), False) == [(5, 265, 300.5)]
    assert regress.steps(pts(NOISY * 2), False) == []
    two = [100, 101, 99, 100, 150, 151, 149, 150, 120, 121, 119, 120]
    assert [i for i, _, _ in regress.steps(pts(two), False)] == [4, 8]
    assert regress.steps(pts([265, 265, 280, 280, 265]), True) == [(2, 265, 280), (4, 280, 265)]
    assert regress.steps(pts([23, 24, 23, 24, 24, 23, 24]), True) == []


def test_points_take_one_value_per_commit():
    hist = [(commit(1), "a", 10, 0, 0, 1, "ns", 1), (commit(1), "b", 14, 0, 0, 1, "ns", 2),
            (commit(2), "c", 20, 0, 0, 1, "ns", 3)]
    got = regress.points(hist)
    assert [(p.commit, p.value) for p in got] == [(commit(1), 12), (commit(2), 20)]


@pytest.fixture
def db():
    with store.Store(":memory:") as s:
        yield s


def test_analyse_finds_the_injected_regression_and_its_commit(db):
    for i, v in enumerate([265, 268, 262, 266, 264, 301, 299]):
        db.add(doc(i, median=v))
    for i, v in enumerate([265] * 5 + [301, 301]):
        db.add(doc(i, median=v, config=ICOUNT, unit="instructions"))
    current, history = regress.analyse(db)
    regs = {(regress.config_label(f.config), f.kind): f for f in current}
    timed, exact = regs[("timed", "regression")], regs[("icount", "regression")]
    assert timed.commit == exact.commit == commit(6)
    assert timed.moved_at == exact.moved_at == commit(5)
    assert {(f.commit, regress.config_label(f.config)) for f in history} == \
        {(commit(5), "timed"), (commit(5), "icount")}
    assert "moved at " + commit(5)[:12] in exact.line()
    assert "+13.6%" in exact.line()


def test_case_regressions(db):
    db.add(doc(1))
    db.add(doc(2, fail=NAMES[1]), expected=NAMES)
    (f,) = [f for f in regress.analyse(db)[0] if f.kind == "case"]
    assert f.name == NAMES[1] and f.commit == commit(2) and "now FAIL" in f.line()
    db.add(doc(3, drop=NAMES[2]), expected=NAMES)
    (f,) = [f for f in regress.analyse(db)[0] if f.kind == "case"]
    assert f.name == NAMES[2] and "now MISSING" in f.detail


def test_absent_runs_do_not_count_as_previous(db):
    db.add(doc(1))
    db.add_absent(commit(2), "pc", "qemu-x86_64", CONFIG, "runner crashed")
    db.add(doc(3, fail=NAMES[0]))
    (f,) = regress.analyse(db)[0]
    assert f.detail.startswith(f"PASS at {commit(1)[:12]}")


def test_config_label():
    assert regress.config_label(store.config_key(ICOUNT)) == "icount"
    assert regress.config_label('{"icount": false, "smp": 2, "append": "x"}') == \
        "timed, smp=2, append=x"
