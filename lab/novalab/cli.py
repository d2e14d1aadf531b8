"""Command line of lab/run (doc/runner.md). Exit codes: 0 pass, 1 fail, 2 error."""
import argparse
import os
import signal
import sys

from . import build, junit, profiles, report, result, tap
from .profiles import Timeouts
from .runner import RunOptions, run
from .verdict import EXIT_CODES, ERROR


def parser():
    ap = argparse.ArgumentParser(
        prog="lab/run", description="Boot a NOVA test image under an emulator and judge "
        "its console protocol. Exit status: 0 pass, 1 fail, 2 error.")
    ap.add_argument("machine", nargs="?", default=profiles.DEFAULT,
                    help=f"machine profile (default {profiles.DEFAULT}; see --list)")
    ap.add_argument("--list", action="store_true", help="list machine profiles and exit")
    ap.add_argument("--arch", help="with --list: only this architecture")
    ap.add_argument("--meson", action="store_true", help=argparse.SUPPRESS)  # --list for meson.build
    ap.add_argument("--suite", choices=sorted(profiles.SUITES),
                    help="kernel: the test image's in-kernel probes (default without --root); "
                         "user: the regular image with a root task (default with --root: "
                         "the test image would end the run before the root task starts)")
    ap.add_argument("--root", metavar="ELF", help="first boot module (default: by suite)")
    ap.add_argument("--root-args", default="root", metavar="STR",
                    help="the root module's command line (default: root)")
    ap.add_argument("--append", default="", metavar="STR", help="extra kernel command line")
    ap.add_argument("--image", metavar="PATH", help="kernel image (default: from build/<arch>)")
    ap.add_argument("--dtb", metavar="PATH", help="device tree for profiles that pass one")
    ap.add_argument("--build-dir", metavar="DIR", help="where images are (default: build/<arch>)")
    ap.add_argument("--emulator", metavar="PATH", help="emulator binary to use instead")
    ap.add_argument("--icount", action="store_true", help="add -icount shift=0 (deterministic counts)")
    ap.add_argument("--smp", type=int, metavar="N", help="number of CPUs")
    ap.add_argument("--raw", action="store_true",
                    help="no protocol checks: stream the console, verdict = guest's exit status")
    ap.add_argument("--expect-panic", metavar="REGEX",
                    help="negative test: pass only if a PANIC matching REGEX ends the run")
    ap.add_argument("--expect", metavar="FILE", help="expected-case list (default: lab/expect/)")
    for name, what in (("boot", "until BEGIN"), ("silence", "longest silence after BEGIN"),
                       ("total", "whole run"), ("exit", "after END/PANIC until the guest exits")):
        ap.add_argument(f"--{name}-timeout" if name != "total" else "--timeout",
                        dest=f"{name}_timeout", type=float, metavar="S",
                        help=f"seconds {what} (default: per profile)")
    ap.add_argument("--json", metavar="PATH", help="write the JSON result document")
    ap.add_argument("--junit", metavar="PATH", help="write JUnit XML")
    ap.add_argument("--tap", action="store_true", help="TAP on stdout; console goes to stderr")
    ap.add_argument("--log", metavar="PATH", help="save the full console")
    ap.add_argument("--store", metavar="DB",
                    help="also record the run in this results database (lab/results)")
    ap.add_argument("-q", "--quiet", action="store_true", help="show protocol lines only")
    ap.add_argument("--no-build", action="store_true", help="skip ci/setup and the build")
    ap.add_argument("--no-setup", action="store_true", help="skip ci/setup")
    return ap


def list_profiles(arch, meson, out):
    for p in profiles.PROFILES:
        if arch and p.arch != arch:
            continue
        if meson:   # read by testsuite/qemu/meson.build:
            # "machine test-image dtb-or-dash user-image user-root"
            user = profiles.SUITES["user"]
            print(p.name, p.image, p.files.get("dtb", "-"), profiles.image_for(p, user),
                  profiles.root_for(p, user), file=out)
        else:
            print(f"{p.name:<24} {p.arch:<8} {p.image:<22} {p.description}", file=out)


def _terminate(signum, frame):
    # Turn TERM/HUP (meson's timeout, a closed terminal) into an exception so
    # the runner's cleanup kills the emulator's process group.
    raise SystemExit(128 + signum)


def main(argv=None):
    a = parser().parse_args(argv)
    if a.list:
        list_profiles(a.arch, a.meson, sys.stdout)
        return 0
    try:
        profile = profiles.by_name(a.machine)
    except KeyError:
        why = f"unknown machine {a.machine!r}; known: {', '.join(profiles.names())}"
        print(f"lab: {why}", file=sys.stderr)
        if a.tap:
            print(f"Bail out! {why}")
        return EXIT_CODES[ERROR]
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _terminate)
    out = sys.stderr if a.tap else sys.stdout

    if not a.no_build:
        try:
            if not a.no_setup:
                build.setup()
            build.build(profile.arch, a.build_dir)
        except build.BuildError as e:
            print(f"lab: {e}", file=sys.stderr)
            if a.tap:
                print(f"Bail out! {e}")
            return EXIT_CODES[ERROR]

    d = profile.timeouts
    timeouts = Timeouts(*(x if x is not None else y for x, y in zip(
        (a.boot_timeout, a.silence_timeout, a.total_timeout, a.exit_timeout),
        (d.boot, d.silence, d.total, d.exit))))
    opts = RunOptions(
        profile=profile, timeouts=timeouts, build_dir=a.build_dir, image=a.image,
        root=a.root, root_args=a.root_args, files={"dtb": a.dtb} if a.dtb else {},
        append=a.append, icount=a.icount, smp=a.smp, emulator=a.emulator, raw=a.raw,
        expect_panic=a.expect_panic, expect_file=a.expect, log=a.log,
        suite=a.suite or ("user" if a.root else "kernel"))
    progress = report.Progress(out, quiet=a.quiet, raw=a.raw)
    progress.note(f"machine {profile.name}: {profile.description}")
    r = run(opts, progress)

    report.table(r, out)
    if a.json:
        result.write_json(r, a.json)
    if a.junit:
        junit.write(r, a.junit)
    if a.store:
        _store(r, a.store, out)
    if a.tap:
        print("\n".join(tap.lines(r)), flush=True)
    return r.verdict.exit_code


def _store(r, path, out):
    """Adds the run's JSON document to the results store (stdlib sqlite3)."""
    from novadb import store    # a sibling package of lab/, standard library only
    with store.Store(path) as db:
        run_id, how = db.add(result.to_document(r), source="runner")
    print(f"lab: run {how} as {run_id} in {path}", file=out)


def entry():
    try:
        return main()
    except KeyboardInterrupt:
        print("lab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(entry())
