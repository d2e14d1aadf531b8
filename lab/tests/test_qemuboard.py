"""QEMU as a board: console command line and power via the monitor socket."""
import os
import socket
import threading
import time

from novalava import qemuboard


def fake_monitor(state, received):
    """A unix-socket server that behaves like QEMU's human monitor."""
    srv = socket.socket(socket.AF_UNIX)
    srv.bind(qemuboard.monitor_path(state))
    srv.listen(1)

    def serve():
        conn, _ = srv.accept()
        with conn:
            conn.sendall(b"QEMU 7.2.0 monitor - type 'help' for more information\r\n(qemu) ")
            buf = b""
            while True:
                data = conn.recv(100)
                if not data:
                    break
                buf += data
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    received.append(line.decode())
                    conn.sendall(line + b"\r\n(qemu) ")
        srv.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    return t


def test_console_argv_pauses_qemu_and_opens_the_monitor():
    argv = qemuboard.console_argv("/s", ["qemu-system-aarch64", "-M", "virt"])
    assert argv[:3] == ["qemu-system-aarch64", "-M", "virt"]
    assert argv[3:] == ["-S", "-serial", "stdio", "-monitor",
                        "unix:/s/monitor.sock,server=on,wait=off"]


def test_power_on_resets_and_runs(tmp_path):
    got = []
    t = fake_monitor(str(tmp_path), got)
    assert qemuboard.power(str(tmp_path), "on") == 0
    t.join(5)
    assert got == ["system_reset", "cont"]


def test_power_off_stops(tmp_path):
    got = []
    t = fake_monitor(str(tmp_path), got)
    assert qemuboard.main([str(tmp_path), "off"]) == 0
    t.join(5)
    assert got == ["stop"]


def test_off_when_qemu_is_gone_is_quick_and_fine(tmp_path):
    t0 = time.monotonic()
    assert qemuboard.power(str(tmp_path), "off") == 0
    assert time.monotonic() - t0 < 2


def test_on_without_qemu_fails(tmp_path, capsys):
    assert qemuboard.power(str(tmp_path), "on", wait_s=0.2) == 1
    assert "no QEMU monitor" in capsys.readouterr().err


def test_usage(tmp_path, capsys):
    assert qemuboard.main([str(tmp_path)]) == 2
    assert qemuboard.main([str(tmp_path), "explode"]) == 2
    assert qemuboard.main([str(tmp_path / "new"), "console"]) == 2
    assert os.path.isdir(tmp_path / "new")


def test_long_state_paths_get_a_short_socket(tmp_path):
    deep = str(tmp_path / ("d" * 60) / ("e" * 60))
    path = qemuboard.monitor_path(deep)
    assert len(path) < 100 and path == qemuboard.monitor_path(deep)
    assert path != qemuboard.monitor_path(deep + "x")
    assert qemuboard.monitor_path("/s") == "/s/monitor.sock"
