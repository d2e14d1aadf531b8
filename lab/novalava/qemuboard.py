"""QEMU as a board that LAVA drives like hardware (doc/lab.md).

LAVA connects to a board's serial console with `connection_command` and
switches it with power commands. Here the console command starts QEMU
paused (-S) with the serial port on stdio, and the power commands talk to
QEMU's human monitor on a unix socket in a per-run state directory:

  qemu-board STATE console QEMU-ARGV...   exec QEMU (paused) as the console
  qemu-board STATE on|reset               reset and run
  qemu-board STATE off                    stop the CPUs

A QEMU that is already gone (the guest ended it after END) counts as off.
"""
import hashlib
import os
import socket
import sys
import tempfile
import time

WAIT_S = 10.0


def monitor_path(state):
    """The monitor socket: in the state directory, unless that path is too
    long for a unix socket (108 bytes); then a name derived from it in /tmp."""
    path = os.path.join(state, "monitor.sock")
    if len(path.encode()) < 100:
        return path
    digest = hashlib.sha256(os.path.abspath(state).encode()).hexdigest()[:16]
    return os.path.join(tempfile.gettempdir(), f"qemu-board-{digest}.sock")


def console_argv(state, qemu_argv):
    return list(qemu_argv) + ["-S", "-serial", "stdio",
                              "-monitor", f"unix:{monitor_path(state)},server=on,wait=off"]


def _connect(path, wait_s):
    deadline = time.monotonic() + wait_s
    while True:
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)


def power(state, what, wait_s=WAIT_S):
    """Sends the monitor commands for on/reset/off; returns an exit status."""
    commands = {"on": ("system_reset", "cont"), "reset": ("system_reset", "cont"),
                "off": ("stop",)}[what]
    # Power on follows the console connection closely: wait for QEMU's
    # socket. Off must not wait for a QEMU that has already exited.
    s = _connect(monitor_path(state), wait_s if what != "off" else 0.5)
    if s is None:
        if what == "off":
            return 0
        print(f"qemu-board: no QEMU monitor at {monitor_path(state)}", file=sys.stderr)
        return 1
    with s:
        s.settimeout(2.0)
        for c in commands:
            s.sendall(c.encode() + b"\n")
        # QEMU prints a "(qemu)" prompt on connect and after each command:
        # once all are there, every command has run.
        seen = b""
        try:
            while seen.count(b"(qemu)") < len(commands) + 1:
                chunk = s.recv(4096)
                if not chunk:
                    break
                seen += chunk
        except OSError:
            pass
    return 0


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2 or argv[1] not in ("console", "on", "reset", "off"):
        print(__doc__, file=sys.stderr)
        return 2
    state, what = argv[0], argv[1]
    os.makedirs(state, exist_ok=True)
    if what == "console":
        if len(argv) < 3:
            print("qemu-board: console needs the QEMU command line", file=sys.stderr)
            return 2
        full = console_argv(state, argv[2:])
        os.execvp(full[0], full)
    return power(state, what)


if __name__ == "__main__":
    sys.exit(main())
