"""Job rendering, LAVA's schema, and the monitor pattern."""
import re

import pytest
import yaml

from novalava import inventory, jobs

URLS = {"kernel": "http://lab.example/k", "ramdisk": "http://lab.example/r",
        "boot": "http://lab.example/b.img", "firmware": "http://lab.example/fw.fd"}


@pytest.fixture(scope="module")
def targets():
    return inventory.load()


def render(t, **urls):
    u = dict(URLS, **urls)
    if not t.firmware:
        u.pop("firmware")
    return jobs.render(t, u, jobs.metadata(t, "0123abcd" * 5, "default"))


def test_every_target_renders_and_passes_lavas_schema(targets):
    for t in targets:
        text = render(t)
        assert jobs.schema_errors(text) == [], t.name
        job = yaml.safe_load(text)
        assert job["device_type"] == t.device_type
        meta = job["metadata"]
        assert meta["nova.commit"] == "0123abcd" * 5 and meta["nova.board"] == t.board
        assert meta["nova.config"] == "default" and meta["nova.target"] == t.name
        boot = next(a["boot"] for a in job["actions"] if "boot" in a)
        assert boot["method"] == t.boot_method
        (mon,) = next(a["test"] for a in job["actions"] if "test" in a)["monitors"]
        assert mon["pattern"] == jobs.MONITOR_PATTERN and mon["end"] == jobs.MONITOR_END
        assert job["timeouts"]["job"] == {"minutes": t.timeouts["job"]}


def test_qemu_x86_passes_the_module_command_line(targets):
    job = yaml.safe_load(render(inventory.by_name(targets, "qemu-x86_64")))
    images = job["actions"][0]["deploy"]["images"]
    assert images["ramdisk"]["image_arg"] == '-initrd "{ramdisk} root"'
    assert "-append probes" in images["kernel"]["image_arg"]
    assert "-device isa-debug-exit,iobase=0xf4,iosize=0x04" in job["context"]["extra_options"]


def test_uefi_target_deploys_its_firmware(targets):
    job = yaml.safe_load(render(inventory.by_name(targets, "qemu-aarch64-uefi")))
    fw = job["actions"][0]["deploy"]["images"]["firmware"]
    assert fw == {"url": URLS["firmware"], "image_arg": "-bios {firmware}"}


def test_uboot_uses_its_own_dtb_unless_one_is_deployed(targets):
    t = inventory.by_name(targets, "zcu102")
    cmds = yaml.safe_load(render(t))["actions"][1]["boot"]["commands"]
    assert cmds[-1] == "booti {KERNEL_ADDR} {RAMDISK_ADDR}:${initrd_size} ${fdtcontroladdr}"
    with_dtb = yaml.safe_load(render(t, dtb="http://lab.example/z.dtb"))
    assert with_dtb["actions"][0]["deploy"]["dtb"] == {"url": "http://lab.example/z.dtb"}
    cmds = with_dtb["actions"][1]["boot"]["commands"]
    assert "tftp {DTB_ADDR} {DTB}" in cmds and cmds[-1].endswith(" {DTB_ADDR}")


def test_missing_url_is_an_error(targets):
    with pytest.raises(ValueError, match="ramdisk"):
        jobs.render(inventory.by_name(targets, "rpi4"), {"kernel": "http://x/k"}, {})
    with pytest.raises(ValueError, match="boot"):
        jobs.render(inventory.by_name(targets, "sdm670"), {"kernel": "http://x/k"}, {})


def test_schema_check_has_teeth(targets):
    good = yaml.safe_load(render(inventory.by_name(targets, "rpi4")))
    for broken in (dict(good, timeouts=None), dict(good, visibility="everyone"),
                   dict(good, context={"no_such_variable": 1})):
        assert jobs.schema_errors(yaml.safe_dump(broken)), broken
    assert jobs.schema_errors("a: [unclosed")


def test_yaml_quote_round_trips():
    for s in ("it's", r"a\b", "@nova (END|PANIC)", ""):
        assert yaml.safe_load("k: " + jobs.yaml_quote(s))["k"] == s


LAVA_ID = lambda s: re.sub(r"\W+", "_", s.strip().lower())   # as LAVA's monitor does


@pytest.mark.parametrize("line, want", [
    ("@nova CASE boot.cmdline PASS\r\n", ("PASS", "boot.cmdline", "", None)),
    ("@nova CASE console.loopback FAIL byte 0: expected=0x5a got=-1\n",
     ("FAIL", "console.loopback", "", None)),
    ("@nova CASE counter.frequency SKIP no reference timer\n",
     ("SKIP", "counter.frequency", "", None)),
    ("@nova METRIC ipc.rtt.same_pd unit=cycles n=1000 min=180 median=190 mean=191 max=420\r\n",
     ("METRIC", "ipc.rtt.same_pd", "cycles", "190")),
    ("junk\x1b[0m@nova METRIC a.b unit=ns n=3 min=1.5 median=2.5 mean=2 max=3\n",
     ("METRIC", "a.b", "ns", "2.5")),
])
def test_monitor_pattern_reads_protocol_lines(line, want):
    m = jobs.monitor_regex().search(line)
    got = m.group("result", "test_case_id", "units", "measurement")
    assert got == want
    assert LAVA_ID(got[1]) == got[1].replace(".", "_")


@pytest.mark.parametrize("line", [
    "@nova BEGIN suite=kernel arch=x86_64 board=pc version=v1\n", "@nova PLAN 9\n",
    "@nova END pass=9 fail=0 skip=0\n", "@nova PANIC oops\n", "CASE a.b PASS\n",
    # pexpect sees lines while they arrive: a partial line must not match yet
    "@nova CASE boot.cmd", "@nova CASE boot.cmdline PAS", "@nova CASE boot.cmdline PASS",
    "@nova METRIC a.b unit=cycles n=1 min=1 median=12", "@nova METRIC a.b unit=cyc",
])
def test_monitor_pattern_ignores_other_and_partial_lines(line):
    assert jobs.monitor_regex().search(line) is None


def test_monitoring_ends_only_on_a_whole_end_line():
    end = re.compile(jobs.MONITOR_END, re.DOTALL)
    assert end.search("@nova END pass=9 fail=0 skip=0\r\n")
    assert end.search("@nova PANIC page fault\n")
    assert not end.search("@nova END pass=9 fail=0 sk")
    assert not end.search("@nova END")
