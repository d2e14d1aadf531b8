"""lab/run end to end against tests/fake_qemu.py: verdicts, exit codes, JSON."""
import json
import os
import time

from conftest import FAKE, RUN


def test_clean_pass(lab_run):
    r = lab_run("pass")
    assert r.code == 0, r.stdout + r.stderr
    d = r.doc
    assert d["verdict"] == "pass" and d["reason"] is None and d["exit_status"] == 33
    assert d["version"] == "v0-fake" and d["panic"] is None and d["arch"] == "x86_64"
    assert r.case("cpu.long_mode")["result"] == "PASS"
    assert r.case("boot.root_module") == {"name": "boot.root_module", "result": "SKIP",
                                          "detail": "no reference timer",
                                          "duration_s": r.case("boot.root_module")["duration_s"]}
    assert d["metrics"][0]["median"] == 2 and d["metrics"][0]["mean"] == 2.5
    assert 0 <= d["durations"]["boot_s"] <= d["durations"]["total_s"]
    assert "[9/9] PASS cpu.long_mode" in r.stdout and "verdict  PASS" in r.stdout


def test_fail_case(lab_run):
    r = lab_run("fail_case")
    assert r.code == 1 and r.doc["verdict"] == "fail"
    assert r.case("boot.cmdline") ["result"] == "FAIL"
    assert r.case("boot.cmdline")["detail"] == "expected=0x5a got=0x0"
    assert r.doc["exit_status"] == 35


def test_dropped_case_is_missing(lab_run):
    r = lab_run("drop_case")
    assert r.code == 1 and "missing: cpu.long_mode" in r.doc["reason"]
    assert r.case("cpu.long_mode")["result"] == "MISSING"


def test_silence_timeout_kills_every_process(lab_run):
    pids = lab_run.tmp / "pids"
    start = time.monotonic()
    r = lab_run("silent", "--silence-timeout", "1", env={"FAKE_QEMU_PIDS": str(pids)})
    assert time.monotonic() - start < 10
    assert r.code == 1 and "silent for 1 s" in r.doc["reason"]
    assert r.case("counter.advances")["result"] == "MISSING"
    for pid in map(int, pids.read_text().split()):
        assert not os.path.exists(f"/proc/{pid}") or _zombie(pid), f"process {pid} survived"


def _zombie(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(")")[-1].split()[0] == "Z"


def test_no_end(lab_run):
    r = lab_run("no_end")
    assert r.code == 1 and r.doc["reason"] == "no END line"


def test_no_exit_after_end(lab_run):
    r = lab_run("no_exit", "--exit-timeout", "1")
    assert r.code == 1 and "did not end the emulator" in r.doc["reason"]


def test_panic(lab_run):
    r = lab_run("panic")
    assert r.code == 1 and r.doc["panic"] == "page fault at 0xdead in kernel"
    assert r.doc["reason"].startswith("PANIC: page fault")


def test_garbage_bytes_and_partial_lines(lab_run):
    r = lab_run("garbage")
    assert r.code == 0, r.doc["reason"]
    assert all(c["result"] in ("PASS", "SKIP") for c in r.doc["cases"])


def test_plan_and_end_mismatch(lab_run):
    assert "PLAN announced 10" in lab_run("plan_mismatch").doc["reason"]
    assert "END tallies" in lab_run("end_mismatch").doc["reason"]


def test_emulator_error_is_error(lab_run):
    r = lab_run("qemu_error")
    assert r.code == 2 and r.doc["verdict"] == "error"
    assert "could not load kernel" in r.doc["reason"]


def test_no_output_is_error(lab_run):
    r = lab_run("no_output", "--boot-timeout", "1")
    assert r.code == 2 and "no console output" in r.doc["reason"]


def test_missing_image_is_error(lab_run):
    r = lab_run("pass", image_path=lab_run.tmp / "absent.elf32")
    assert r.code == 2 and r.doc["reason"].startswith("kernel image absent")


def test_missing_emulator_is_error(lab_run):
    r = lab_run("pass", "--emulator", str(lab_run.tmp / "no-such-qemu"))
    assert r.code == 2 and "not found" in r.doc["reason"]


def test_exit_zero_after_complete_run_fails(lab_run):
    r = lab_run("exit0")
    assert r.code == 1 and r.doc["exit_status"] == 0
    assert "exit status 0" in r.doc["reason"]


def test_raw_returns_guest_verdict(lab_run):
    ok = lab_run("raw_pass", "--raw")
    assert ok.code == 0 and "hello from a foreign root task" in ok.stdout
    bad = lab_run("raw_fail", "--raw")
    assert bad.code == 1 and bad.doc["verdict"] == "fail"


def test_expect_panic(lab_run):
    r = lab_run("early_panic", "--expect-panic", "root module is not a valid ELF64", "--tap")
    assert r.code == 0 and r.stdout.strip().splitlines() == ["1..1", "ok 1 - run"]
    assert lab_run("pass", "--expect-panic", "not a valid ELF64").code == 1


def test_tap_output_is_clean(lab_run):
    r = lab_run("fail_case", "--tap")
    out = r.stdout.strip().splitlines()
    assert out[0] == "1..10" and out[2].startswith("not ok 2 - boot.cmdline")
    assert out[-1].startswith("not ok 10 - run")
    assert "NOVA microhypervisor fake" in r.stderr     # console went to stderr
    assert lab_run("qemu_error", "--tap").stdout.startswith("Bail out! emulator failed")


def test_command_line_and_outputs(lab_run):
    argv_file, log, xml = (lab_run.tmp / n for n in ("argv.json", "console.log", "r.xml"))
    r = lab_run("pass", "--icount", "--smp", "2", "--append", "verbose", "--log", str(log),
                "--junit", str(xml), env={"FAKE_QEMU_ARGV": str(argv_file)})
    argv = json.loads(argv_file.read_text())
    assert argv[0] == FAKE
    assert argv[argv.index("-smp") + 1] == "2" and argv[argv.index("-icount") + 1] == "shift=0"
    assert argv[argv.index("-append") + 1] == "probes verbose"
    assert argv[argv.index("-initrd") + 1].endswith("root-stub.elf root")
    assert "isa-debug-exit,iobase=0xf4,iosize=0x04" in argv
    assert r.doc["config"] == {"icount": True, "smp": 2, "root": str(lab_run.tmp / "root-stub.elf"),
                               "append": "verbose", "suite": "kernel"}
    assert b"@nova END pass=8 fail=0 skip=1\r\n" in log.read_bytes()
    assert xml.read_text().count("<testcase") == 10


def test_list_runs_from_any_cwd(tmp_path):
    import subprocess
    out = subprocess.run([RUN, "--list"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0 and "qemu-aarch64-zcu102" in out.stdout


def test_sigterm_to_runner_kills_emulator(lab_run, tmp_path):
    import signal
    import subprocess
    pids = tmp_path / "pids"
    env = dict(os.environ, FAKE_QEMU_MODE="silent", FAKE_QEMU_PIDS=str(pids),
               FAKE_QEMU_EXPECT=os.path.join(os.path.dirname(RUN), "expect", "kernel-x86_64.txt"))
    (tmp_path / "img").write_bytes(b"x")
    runner = subprocess.Popen([RUN, "--no-build", "--emulator", FAKE, "--image", str(tmp_path / "img"),
                               "--root", str(tmp_path / "img"), "--silence-timeout", "60"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    runner.send_signal(signal.SIGTERM)
    assert runner.wait(timeout=10) == 128 + signal.SIGTERM
    for pid in map(int, pids.read_text().split()):
        assert not os.path.exists(f"/proc/{pid}") or _zombie(pid), f"process {pid} survived"


def test_grub_mkrescue_failing_is_error(lab_run):
    bindir = lab_run.tmp / "bin"
    bindir.mkdir()
    fake = bindir / "grub-mkrescue"
    fake.write_text("#!/bin/sh\necho 'grub-mkrescue: error: cannot find xorriso' >&2\nexit 1\n")
    fake.chmod(0o755)
    r = lab_run("pass", "qemu-x86_64-grub",
                env={"PATH": f"{bindir}:{os.environ['PATH']}"})
    assert r.code == 2 and "grub-mkrescue failed" in r.doc["reason"]


def test_user_suite_passes_no_probes_word(lab_run):
    argv_file = lab_run.tmp / "argv.json"
    r = lab_run("pass", "--suite", "user", "--append", "verbose",
                env={"FAKE_QEMU_ARGV": str(argv_file)})
    argv = json.loads(argv_file.read_text())
    assert argv[argv.index("-append") + 1] == "verbose"
    assert r.doc["config"]["suite"] == "user"


def test_root_without_suite_boots_the_regular_image(lab_run):
    argv_file = lab_run.tmp / "argv.json"
    r = lab_run("pass", env={"FAKE_QEMU_ARGV": str(argv_file)}, suite=None)
    argv = json.loads(argv_file.read_text())
    assert "probes" not in argv[argv.index("-append") + 1].split()
    assert r.doc["config"]["suite"] == "user"
