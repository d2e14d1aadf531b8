"""Runs the emulator in its own process group and reads its console.

stdout is the guest's serial console; stderr carries the emulator's own
complaints (kept apart: they decide "error" vs "fail"). The process group is
always killed on the way out, so no emulator (or child of a wrapper) outlives
the run.
"""
import os
import selectors
import signal
import subprocess
import time

from .lines import LineBuffer


class EmulatorMissing(Exception):
    pass


class Emulator:
    def __init__(self, argv, env=None, raw_log=None):
        self.argv = argv
        self.env = env
        self.raw_log = raw_log          # binary file object, or None
        self.proc = None
        self.stderr = b""
        self.bytes_seen = 0
        self._lines = LineBuffer()
        self._sel = selectors.DefaultSelector()
        self._open = 0

    def start(self):
        try:
            self.proc = subprocess.Popen(
                self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=self.env, start_new_session=True)
        except (FileNotFoundError, PermissionError) as e:
            raise EmulatorMissing(f"cannot start {self.argv[0]}: {e.strerror}") from None
        for pipe in (self.proc.stdout, self.proc.stderr):
            os.set_blocking(pipe.fileno(), False)
            self._sel.register(pipe, selectors.EVENT_READ)
            self._open += 1

    def read(self, timeout):
        """Waits up to timeout s; returns (complete console lines, eof).

        eof means both pipes closed (the emulator is gone or going); any
        unterminated rest of the console comes out as a last line then.
        """
        lines = []
        end = time.monotonic() + max(0.0, timeout)
        while self._open:
            left = end - time.monotonic()
            ready = self._sel.select(max(0.0, left))
            if not ready:
                break
            for key, _ in ready:
                data = os.read(key.fd, 65536)
                if not data:
                    self._sel.unregister(key.fileobj)
                    self._open -= 1
                elif key.fileobj is self.proc.stdout:
                    self.bytes_seen += len(data)
                    if self.raw_log:
                        self.raw_log.write(data)
                        self.raw_log.flush()
                    lines += self._lines.feed(data)
                else:
                    self.stderr += data
            if lines:
                break
        if not self._open:
            lines += self._lines.flush()
        return lines, not self._open

    def flush_partial(self):
        """The unterminated console rest, e.g. when a timeout ends the run."""
        return self._lines.flush()

    def wait(self, timeout):
        """Exit status after the pipes closed, or None if still running."""
        try:
            return self.proc.wait(timeout=max(0.0, timeout))
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        """Kills the whole process group (TERM, then KILL) and reaps."""
        if not self.proc:
            return
        for sig, grace in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.proc.pid, sig)
            except (ProcessLookupError, PermissionError):
                break
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and _group_alive(self.proc.pid):
                self.proc.poll()
                time.sleep(0.02)
            if not _group_alive(self.proc.pid):
                break
        self.proc.poll()
        if self.proc.returncode is None:
            self.proc.wait()
        for pipe in (self.proc.stdout, self.proc.stderr):
            pipe.close()
        self._sel.close()

    def stderr_text(self):
        return self.stderr.decode("utf-8", errors="replace")


def _group_alive(pgid):
    """Whether a live (non-zombie) process remains in the group.

    Zombies do not count: orphans wait for init to reap them, which some
    container inits do only now and then.
    """
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        entries = os.listdir("/proc")
    except OSError:
        return True
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != b"Z":
            return True
    return False
