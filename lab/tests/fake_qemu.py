#!/usr/bin/python3
"""A fake QEMU for the runner's tests: prints a scripted console.

The scenario comes from $FAKE_QEMU_MODE; the case list from the expected
list ($FAKE_QEMU_EXPECT) so tests follow lab/expect/ changes. Extra hooks:
$FAKE_QEMU_ARGV (write argv as JSON there), $FAKE_QEMU_PIDS (write own pid
and a child's pid, for the no-stray-processes test).
"""
import json
import os
import subprocess
import sys
import time

MODE = os.environ.get("FAKE_QEMU_MODE", "pass")
out = sys.stdout.buffer


def say(text, end=b"\r\n"):
    out.write(text.encode() + end)
    out.flush()


def cases():
    with open(os.environ["FAKE_QEMU_EXPECT"]) as f:
        return [l.split("#")[0].strip() for l in f if l.split("#")[0].strip()]


def hang():
    while True:
        time.sleep(1)


def run():
    names = cases()
    if MODE == "qemu_error":
        sys.stderr.write("qemu-system-x86_64: could not load kernel 'nova.elf32'\n")
        sys.exit(1)
    if MODE == "no_output":
        hang()
    if MODE == "raw_pass":
        say("hello from a foreign root task")
        sys.exit(33)
    if MODE == "raw_fail":
        say("foreign root task failed")
        sys.exit(35)
    if MODE == "early_panic":
        say("NOVA microhypervisor fake")
        say("@nova PANIC root module is not a valid ELF64 for x86_64: bad magic")
        sys.exit(35)

    say("NOVA microhypervisor fake (x86_64, board pc)")
    say("boot: loader multiboot1, cmdline \"probes\"")
    say("@nova BEGIN suite=kernel arch=x86_64 board=pc version=v0-fake")
    if MODE == "drop_case":
        names = names[:-1]
    say(f"@nova PLAN {len(names) + (1 if MODE == 'plan_mismatch' else 0)}")
    tally = {"pass": 0, "fail": 0, "skip": 0}
    for i, name in enumerate(names):
        if MODE == "silent" and i == 3:
            if "FAKE_QEMU_PIDS" in os.environ:
                child = subprocess.Popen(["sleep", "60"])
                with open(os.environ["FAKE_QEMU_PIDS"], "w") as f:
                    f.write(f"{os.getpid()} {child.pid}\n")
            hang()
        if MODE == "panic" and i == 4:
            say("@nova PANIC page fault at 0xdead in kernel")
            sys.exit(35)
        result, detail = "PASS", ""
        if MODE == "fail_case" and i == 1:
            result, detail = "FAIL", "expected=0x5a got=0x0"
        elif i == 2:
            result, detail = "SKIP", "no reference timer"
        tally[result.lower()] += 1
        if MODE == "garbage":
            out.write(b"\xff\xfe\x1b[2J junk \x80\x81\r\n")
            line = f"@nova CASE {name} {result} {detail}".strip().encode()
            out.write(line[:7]); out.flush(); time.sleep(0.02)
            out.write(line[7:] + b"\r"); out.flush(); time.sleep(0.02)
            out.write(b"\n"); out.flush()
        else:
            say(f"@nova CASE {name} {result} {detail}".strip())
    say("@nova METRIC ipc.rtt.same_pd unit=cycles n=1000 min=1 median=2 mean=2.5 max=9")
    if MODE == "no_end":
        sys.exit(33)
    if MODE == "end_mismatch":
        tally["pass"] += 1
    say(f"@nova END pass={tally['pass']} fail={tally['fail']} skip={tally['skip']}",
        end=b"" if MODE == "garbage" else b"\r\n")
    if MODE == "no_exit":
        hang()
    if MODE == "exit0":
        sys.exit(0)
    sys.exit(35 if tally["fail"] else 33)


if __name__ == "__main__":
    if "FAKE_QEMU_ARGV" in os.environ:
        with open(os.environ["FAKE_QEMU_ARGV"], "w") as f:
            json.dump(sys.argv, f)
    run()
