"""Doctored run documents for the results tests (runner JSON shape)."""
import copy

from novalab import expect

NAMES = expect.load(expect.find("kernel", "x86_64", "pc"))
CONFIG = {"icount": False, "smp": None, "root": "testsuite/user/root-stub.elf", "append": ""}
ICOUNT = dict(CONFIG, icount=True)


def commit(i):
    return f"{i:04d}" + "c0ffee" * 6


def doc(i, median=None, config=CONFIG, machine="qemu-x86_64", board="pc", unit="cycles",
        fail=None, drop=None, verdict=None, metric="ipc.rtt.same_pd"):
    cases = [{"name": n, "result": "PASS", "detail": "", "duration_s": 0.001}
             for n in NAMES if n != drop]
    reasons = []
    if fail:
        next(c for c in cases if c["name"] == fail).update(result="FAIL", detail="expected=1 got=2")
        reasons.append(f"1 case(s) failed: {fail}")
    d = {"schema": 1, "commit": commit(i), "arch": "x86_64", "board": board, "machine": machine,
         "suite": "kernel", "mode": "protocol", "config": copy.deepcopy(config),
         "verdict": verdict or ("fail" if reasons else "pass"),
         "reason": "; ".join(reasons) or None, "cases": cases,
         "metrics": [] if median is None else [
             {"name": metric, "unit": unit, "n": 1000, "min": median - 5, "median": median,
              "mean": median + 0.5, "max": median + 40, "q1": median - 1, "q3": median + 1}],
         "durations": {"boot_s": 0.2, "total_s": 0.6}, "exit_status": 33,
         "started": f"2026-11-01T{i // 60:02d}:{i % 60:02d}:00+00:00", "version": "v0",
         "panic": None}
    return d
