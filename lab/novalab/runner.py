"""One run: check inputs, start the emulator, read until done, judge."""
import datetime
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field

from . import boot, expect, paths, profiles, verdict
from .emulator import Emulator, EmulatorMissing
from .observe import Observer, Record
from .profiles import Profile, Timeouts
from .result import RunResult


@dataclass
class RunOptions:
    profile: Profile
    timeouts: Timeouts
    build_dir: str = None        # default build/<arch>; --image implies its dir
    image: str = None
    root: str = None
    root_args: str = "root"      # the root module's command line
    files: dict = field(default_factory=dict)   # overrides of profile.files
    append: str = ""
    icount: bool = False
    smp: int = None
    emulator: str = None
    raw: bool = False
    expect_panic: str = None
    expect_file: str = None
    log: str = None
    suite: str = None            # key of profiles.SUITES; None: the profile's

    @property
    def mode(self):
        return "raw" if self.raw else "expect-panic" if self.expect_panic else "protocol"


def config_of(o):
    return {"icount": o.icount, "smp": o.smp, "root": paths.shown(o.root), "append": o.append,
            "suite": o.suite or o.profile.suite}


def run(o, progress):
    """Returns a RunResult; never raises for problems of the run itself."""
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    p = o.profile
    bdir = o.build_dir or (os.path.dirname(os.path.abspath(o.image)) if o.image
                           else paths.build_dir(p.arch))
    suite = profiles.SUITES[o.suite or p.suite]
    o.image = os.path.abspath(o.image or os.path.join(bdir, profiles.image_for(p, suite)))
    o.root = os.path.abspath(o.root or os.path.join(bdir, profiles.root_for(p, suite)))
    files = {k: os.path.abspath(o.files.get(k) or os.path.join(bdir, v))
             for k, v in p.files.items()}

    def result(rec, v, console=()):
        return RunResult(p, config_of(o), rec, v, started, paths.git_commit(),
                         o.mode, list(console))

    def infra_error(reason):
        return result(Record(), verdict.Verdict(verdict.ERROR, [reason]))

    for what, path in (("kernel image", o.image), ("root module", o.root), *files.items()):
        if not os.path.isfile(path):
            return infra_error(f"{what} absent: {path}")
    binary = o.emulator or p.emulator
    if not shutil.which(binary):
        return infra_error(f"emulator {binary} not found")

    inputs = boot.BootInputs(o.image, [(o.root, o.root_args)],
                             " ".join(filter(None, (suite.cmdline, o.append))), files)
    with tempfile.TemporaryDirectory(prefix="novalab-") as work:
        try:
            loader_args = boot.LOADERS[p.loader](inputs, work)
        except boot.BootError as e:
            return infra_error(str(e))
        argv = [binary, *p.args, *(["-smp", str(o.smp)] if o.smp else []),
                *(["-icount", "shift=0", *p.icount_args] if o.icount else []), *loader_args]
        env = dict(os.environ, **p.env)
        log = open(o.log, "wb") if o.log else None
        try:
            rec, console = _session(Emulator(argv, env, log), o, progress)
            for line in rec.stderr.splitlines():
                if line.strip() and not any(n in line for n in p.stderr_noise):
                    progress.note("emulator: " + line.strip())
        except EmulatorMissing as e:
            return infra_error(str(e))
        finally:
            if log:
                log.close()
    if rec.stderr and o.log:
        with open(o.log, "ab") as f:
            f.write(b"\n--- emulator stderr ---\n" + rec.stderr.encode())

    reported = (rec.begin or {}).get("suite", suite.name)
    expect_file = o.expect_file or expect.find(reported, p.arch, p.board)
    expected = expect.load(expect_file) if expect_file else None
    known = expect.known_failures(expect_file) if expect_file else {}
    v = verdict.judge(rec, expected, p, o.timeouts, raw=o.raw, expect_panic=o.expect_panic,
                      known=known)
    return result(rec, v, console)


def _session(emu, o, progress):
    """Reads the console until the emulator ends or a timeout; kills it after."""
    t = o.timeouts
    obs = Observer()
    console = []
    emu.start()
    t0 = last_output = time.monotonic()
    finished_at = None
    seen = 0

    def take(lines):
        for line in lines:
            at = time.monotonic() - t0
            console.append(line)
            progress.line(line, obs.feed(line, at), at)

    try:
        while True:
            rec = obs.record
            # Before the guest starts talking only the boot timeout runs;
            # after, silence; after END/PANIC, the grace for its own exit.
            talking = emu.bytes_seen > 0 if o.raw else rec.begin is not None
            limits = [("total-timeout", t0 + t.total)]
            if finished_at is not None:
                limits.append(("exit-timeout", finished_at + t.exit))
            elif talking:
                limits.append(("silence-timeout", last_output + t.silence))
            else:
                limits.append(("boot-timeout", t0 + t.boot))
            name, deadline = min(limits, key=lambda x: x[1])
            now = time.monotonic()
            if now >= deadline:
                rec.stop = name
                take(emu.flush_partial())
                break
            lines, eof = emu.read(deadline - now)
            if emu.bytes_seen != seen:
                seen, last_output = emu.bytes_seen, time.monotonic()
            take(lines)
            if obs.finished and finished_at is None:
                finished_at = time.monotonic()
            if eof:
                status = emu.wait(max(1.0, deadline - time.monotonic()))
                rec.stop = "exit" if status is not None else name
                break
    finally:
        emu.kill()
        rec = obs.record
        rec.exit_status = emu.proc.returncode if emu.proc else None
        rec.total_t = time.monotonic() - t0
        rec.stderr = emu.stderr_text()
    return rec, console
