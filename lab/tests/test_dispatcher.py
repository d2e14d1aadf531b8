"""The lava-run sandbox: what it needs and what it prepares (the runs
themselves are the lava suite's job: lab/lava/tests)."""
import os

from novalava import dispatcher


def test_not_root_is_said_clearly(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "needs root" in dispatcher.available()


def test_missing_tools_are_named(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    monkeypatch.setattr(dispatcher.shutil, "which", lambda tool: None)
    assert dispatcher.available().startswith("lava-run not found")


def test_prepare_makes_a_private_tftp_setup(tmp_path):
    d = dispatcher._prepare(str(tmp_path))
    cfg = open(os.path.join(d["etc-default"], "tftpd-hpa")).read()
    assert f'TFTP_DIRECTORY="{d["tftp"]}"' in cfg
    stub = os.path.join(d["bin"], "in.tftpd")
    assert os.access(stub, os.X_OK)
    assert open(tmp_path / "dispatcher.yaml").read() == "dispatcher_ip: 10.0.2.2\n"
    assert os.path.isdir(os.path.join(d["lava"], "tmp"))
    # the rest of /etc/default is still there for whatever else reads it
    if os.path.isdir("/etc/default"):
        assert set(os.listdir("/etc/default")) <= set(os.listdir(d["etc-default"]))
