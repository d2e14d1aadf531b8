"""Runs Debian's lava-run on this machine, without touching the host's LAVA.

Each run gets a private mount namespace (unshare -m) in which a scratch
directory is bound over /var/lib/lava/dispatcher (lava-run's work area) and
a copy of /etc/default with our own tftpd-hpa is bound over /etc/default
(LAVA reads TFTP_DIRECTORY from it). TFTP itself is served by QEMU's user
network for QEMU-played boards, so in.tftpd only has to exist for LAVA's
check: a stub on PATH. lava-run needs root; available() says why not.
"""
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass

from . import devices
from .inventory import LAB

LAVA_DIR = "/var/lib/lava/dispatcher"
QEMU_BOARD = os.path.join(LAB, "lava", "qemu-board")
# QEMU's user network: the guest reaches the host (and its TFTP) here.
QEMU_HOST_IP = "10.0.2.2"

_IN_NAMESPACE = """set -e
mount --bind "$NOVA_ETC_DEFAULT" /etc/default
mount --bind "$NOVA_LAVA_DIR" {lava_dir}
exec "$@"
"""


@dataclass
class LavaRun:
    returncode: int
    log: str              # lava-run's job log (JSON lines), as text
    work: str             # the scratch directory (job, device, logs)
    duration_s: float
    timed_out: bool = False


def available():
    """None when lava-run can run here, else the reason why not."""
    if os.geteuid() != 0:
        return "lava-run needs root (it mounts, and writes /var/lib/lava); run as root"
    for tool in ("lava-run", "unshare", "mount"):
        if not shutil.which(tool):
            return f"{tool} not found: run ci/setup (Debian's lava-dispatcher)"
    if not os.path.isdir(LAVA_DIR):
        return f"{LAVA_DIR} missing: lava-dispatcher not installed (ci/setup)"
    if devices.stock_dir() is None:
        return "LAVA's stock device types not found (ci/setup extracts them)"
    return None


def _prepare(work):
    d = {k: os.path.join(work, k) for k in ("etc-default", "lava", "tftp", "bin", "state", "out")}
    for path in d.values():
        os.makedirs(path, exist_ok=True)
    os.makedirs(os.path.join(d["lava"], "tmp"), exist_ok=True)
    shutil.copytree("/etc/default", d["etc-default"], symlinks=True, dirs_exist_ok=True)
    with open(os.path.join(d["etc-default"], "tftpd-hpa"), "w") as f:
        f.write(f'TFTP_USERNAME="tftp"\nTFTP_DIRECTORY="{d["tftp"]}"\n'
                'TFTP_ADDRESS=":69"\nTFTP_OPTIONS="--secure"\n')
    stub = os.path.join(d["bin"], "in.tftpd")
    with open(stub, "w") as f:
        f.write("#!/bin/sh\necho 'in.tftpd stub: QEMU user networking serves TFTP here' >&2\n"
                "exit 1\n")
    os.chmod(stub, 0o755)
    with open(os.path.join(work, "dispatcher.yaml"), "w") as f:
        f.write(f"dispatcher_ip: {QEMU_HOST_IP}\n")
    return d


def run(target, job_text, work, validate=False, timeout_s=None, job_id="1", env=None):
    """lava-run (or lava-run --validate) of job_text on target's device;
    env: extra environment (tests put fake emulators first on PATH)."""
    os.makedirs(work, exist_ok=True)
    d = _prepare(work)
    device = devices.for_job(target, job_text, {
        "nova_board": QEMU_BOARD, "nova_state": d["state"], "nova_tftp": d["tftp"]})
    paths = {k: os.path.join(work, f"{k}.yaml") for k in ("job", "device")}
    for k, text in (("job", job_text), ("device", device)):
        with open(paths[k], "w", encoding="utf-8") as f:
            f.write(text)
    argv = ["lava-run", "--job-id", str(job_id), "--output-dir", d["out"],
            "--device", paths["device"], "--dispatcher", os.path.join(work, "dispatcher.yaml")]
    if validate:
        argv.append("--validate")
    argv.append(paths["job"])
    full_env = dict(os.environ, **(env or {}))
    full_env.update(NOVA_ETC_DEFAULT=d["etc-default"], NOVA_LAVA_DIR=d["lava"],
                    PATH=d["bin"] + ":" + full_env.get("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin",
                    QEMU_AUDIO_DRV="none")
    script = _IN_NAMESPACE.format(lava_dir=LAVA_DIR)
    cmd = ["unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh", *argv]
    if timeout_s is None:
        timeout_s = 60 if validate else target.timeouts["job"] * 60 + 30
    log_path = os.path.join(work, "job.log")
    t0 = time.monotonic()
    timed_out = False
    # lava-run logs to stderr (one JSON object per line); tracebacks land there too.
    with open(log_path, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=full_env, cwd=work,
                                start_new_session=True)
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            _kill_group(proc)
    with open(log_path, encoding="utf-8", errors="replace") as f:
        log = f.read()
    return LavaRun(proc.returncode, log, work, time.monotonic() - t0, timed_out)


def _kill_group(proc):
    """lava-run's children (QEMU) must not outlive it."""
    for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; children may linger for a moment.
        time.sleep(0.05)
    if proc.returncode is None:
        proc.wait()
