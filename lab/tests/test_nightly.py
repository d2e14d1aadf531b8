"""The nightly flow against the fake LAVA server: publish, submit, retry lab
failures, record unreachable boards, store, regressions, report."""
import json
import sqlite3

import pytest

from fake_lava import TOKEN, FakeLava, synth_log
from novalab import expect
from novalava import inventory, nightly
from test_artifacts import fake_build


def cases(arch):
    return [(n, "PASS") for n in expect.load(expect.find("kernel", arch, "x"))]


def executor(definition, attempt):
    board = definition["metadata"]["nova.board"]
    arch = definition["metadata"]["nova.arch"]
    target = definition["metadata"]["nova.target"]
    if target == "zcu102" and attempt == 1:     # the lab fails once, then works
        return "Incomplete", synth_log(board, arch, [], job="fail", begin=False,
                                       error_type="Infrastructure",
                                       error_msg="Unable to connect to the serial console")
    if target == "imx8mq":                      # the kernel fails a probe
        c = cases(arch)
        c[1] = (c[1][0], "FAIL")
        return "Complete", synth_log(board, arch, c)
    return "Complete", synth_log(board, arch, cases(arch),
                                 metrics=[("ipc.rtt.same_pd", "cycles", 700)])


@pytest.fixture
def setup(tmp_path, monkeypatch):
    lava = FakeLava({"qemu": ["Good"], "xilinx-zcu102": ["Good"], "imx8mq-evk": ["Good"],
                     "bcm2711-rpi-4-b": ["Bad"]}, executor, polls_to_finish=1)
    monkeypatch.setenv("NOVA_LAVA_URL", lava.url)
    monkeypatch.setenv("NOVA_LAVA_TOKEN", TOKEN)
    monkeypatch.setattr(nightly.client.Client, "__init__",
                        _fast_init(nightly.client.Client.__init__))
    monkeypatch.setattr(nightly.ServerEngine, "poll_s", 0)
    o = nightly.Options(targets=["qemu-aarch64", "zcu102", "imx8mq", "rpi4", "sdm670"],
                        workdir=str(tmp_path / "work"), db=str(tmp_path / "nova.db"),
                        url_prefix="http://files.example/nova", build=False,
                        build_root=str(fake_build(tmp_path)))
    yield lava, o
    lava.close()


def _fast_init(init):
    def f(self, *a, **kw):
        kw["sleep"] = lambda s: None
        init(self, *a, **kw)
    return f


def test_remote_nightly(setup, capsys):
    lava, o = setup
    assert nightly.run(o) == nightly.EXIT_FAIL           # imx8mq fails a probe
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == o.workdir + "/report.html"
    text = "\n".join(out)
    assert "zcu102: LAVA infrastructure error: Unable to connect to the serial console; " \
           "trying again" in text
    assert "unreachable: rpi4 (unreachable: no usable bcm2711-rpi-4-b (bcm2711-rpi-4-b-00: Bad))" in text
    assert "sdm670 (unreachable: no device of type sdm670-sargo" in text
    # jobs carried the published image URLs
    submitted = [j["definition"] for j in lava.jobs.values()]
    kernel = submitted[0]["actions"][0]["deploy"]["images"]["kernel"]["url"]
    assert kernel.startswith("http://files.example/nova/") and kernel.endswith("/aarch64/nova-qemu-test.img")
    assert lava.attempts == {"qemu-aarch64": 1, "zcu102": 2, "imx8mq": 1}
    con = sqlite3.connect(o.db)
    rows = dict(con.execute("SELECT machine, verdict || '/' || status FROM runs"))
    assert rows == {"lava/qemu-aarch64": "pass/complete", "lava/zcu102": "pass/complete",
                    "lava/imx8mq": "fail/complete", "lava/rpi4": "error/absent",
                    "lava/sdm670": "error/absent"}
    assert con.execute("SELECT lava_url FROM runs WHERE machine = 'lava/zcu102'").fetchone()[0] \
        == f"{lava.url}/scheduler/job/4"      # the retry
    doc = json.load(open(f"{o.workdir}/results/{con.execute('SELECT commit_sha FROM runs').fetchone()[0]}/zcu102.json"))
    assert doc["metrics"][0]["median"] == 700 and doc["lava"]["job_id"] == "4"


def test_lab_failures_stop_after_the_retries(setup, capsys):
    lava, o = setup
    o.targets, o.retries = ["zcu102"], 0
    assert nightly.run(o) == nightly.EXIT_ERROR
    (row,) = sqlite3.connect(o.db).execute("SELECT verdict, status, reason FROM runs")
    assert row[0] == "error" and "Infrastructure" in row[2]


def test_server_unreachable_records_every_board(setup, capsys):
    lava, o = setup
    lava.fail_next = 10 ** 6
    o.targets = ["qemu-aarch64", "zcu102"]
    assert nightly.run(o) == nightly.EXIT_ERROR
    rows = sqlite3.connect(o.db).execute("SELECT machine, status, reason FROM runs").fetchall()
    assert [(m, s) for m, s, _ in rows] == [("lava/qemu-aarch64", "absent"), ("lava/zcu102", "absent")]
    assert all("unreachable after" in r for _, _, r in rows)


def test_publishing_needs_a_place(setup):
    lava, o = setup
    o.url_prefix = None
    with pytest.raises(nightly.client.LavaError, match="--url-prefix"):
        nightly.run(o)


def test_execute_with_a_scripted_engine(capsys):
    t = inventory.by_name(inventory.load(), "qemu-x86_64")

    class Engine:
        name = "scripted"
        calls = 0

        def check(self, target):
            return True, ""

        def run_all(self, items):
            Engine.calls += 1
            return {t.name: ("", None, None, "lava-run timed out after 630 s")}

    docs, absent = nightly.execute(Engine(), [(t, "job")], "c0ffee", retries=1, out=None)
    assert docs == {} and absent == {t.name: "lava-run timed out after 630 s"}
    assert Engine.calls == 2
