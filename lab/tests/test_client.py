"""The LAVA REST client against the fake server: calls, retries, errors."""
import pytest

from fake_lava import TOKEN, FakeLava, synth_log
from novalava import client

LOG = synth_log("pc", "x86_64", [("boot.cmdline", "PASS")])


@pytest.fixture
def lava():
    server = FakeLava({"qemu": ["Good"], "rpi4": ["Bad", "Maintenance"]},
                      lambda definition, attempt: ("Complete", LOG))
    yield server
    server.close()


def make(lava, **kw):
    return client.Client(lava.url, TOKEN, sleep=lambda s: None, **kw)


def test_submit_wait_log_results(lava):
    c = make(lava)
    jid = c.submit("device_type: qemu\nmetadata: {nova.target: t}\n")
    assert jid == "1" and c.job_url(jid) == f"{lava.url}/scheduler/job/1"
    jobs = c.wait([jid], timeout_s=60, poll_s=0)
    assert jobs[jid]["state"] == "Finished"
    assert c.log(jid).splitlines()[0].startswith("- {")
    assert {r["name"]: r["result"] for r in c.results(jid)} == {"boot_cmdline": "pass",
                                                                "job": "pass"}


def test_usable_device_types(lava):
    c = make(lava)
    assert c.usable("qemu") == (True, "")
    ok, why = c.usable("rpi4")
    assert not ok and "rpi4-00: Bad" in why and "rpi4-01: Maintenance" in why
    ok, why = c.usable("sdm670-sargo")
    assert not ok and why.startswith("no device of type sdm670-sargo")


def test_transient_errors_are_retried(lava):
    lava.fail_next = 2
    assert make(lava).usable("qemu")[0]
    assert len(lava.requests) == 3


def test_persistent_errors_make_the_server_unreachable(lava):
    lava.fail_next = 100
    with pytest.raises(client.Unreachable, match="unreachable after 3 tries: HTTP 503"):
        make(lava, retries=2).usable("qemu")


def test_connection_refused_is_unreachable():
    c = client.Client("http://127.0.0.1:9", TOKEN, retries=1, sleep=lambda s: None, timeout_s=2)
    with pytest.raises(client.Unreachable, match="ConnectionError"):
        c.job("1")


def test_client_errors_are_not_retried(lava):
    with pytest.raises(client.LavaError, match="HTTP 401"):
        client.Client(lava.url, "wrong", sleep=lambda s: None).usable("qemu")
    with pytest.raises(client.LavaError, match="HTTP 404"):
        make(lava).job("99")
    assert len(lava.requests) == 2


def test_wait_gives_up_at_the_deadline(lava):
    lava.never_finish.add("qemu")
    c = make(lava)
    jid = c.submit("device_type: qemu\nmetadata: {nova.target: t}\n")
    ticks = iter(range(100))
    jobs = c.wait([jid], timeout_s=3, poll_s=0, clock=lambda: next(ticks))
    assert jobs[jid]["state"] == "Submitted"


def test_settings(tmp_path):
    assert client.settings({"NOVA_LAVA_URL": "https://lava/", "NOVA_LAVA_TOKEN": "t"}) == \
        ("https://lava", "t")
    cfg = tmp_path / "lava.yaml"
    cfg.write_text("url: https://lab.example\ntoken: abc\n")
    assert client.settings({"NOVA_LAVA_CONFIG": str(cfg)}) == ("https://lab.example", "abc")
    with pytest.raises(client.LavaError, match="NOVA_LAVA_URL"):
        client.settings({}, path=str(tmp_path / "none.yaml"))
