"""The line parser and the byte-stream splitter."""
from novalab import protocol as p
from novalab.lines import LineBuffer


def test_free_text_is_not_an_event():
    assert p.parse_line("boot: mem 0-9fc00 usable") is None


def test_begin_fields():
    ev = p.parse_line("@nova BEGIN suite=kernel arch=x86_64 board=pc version=v1-3-gabc")
    assert ev == p.Begin({"suite": "kernel", "arch": "x86_64", "board": "pc",
                          "version": "v1-3-gabc"})


def test_case_with_and_without_detail():
    assert p.parse_line("@nova CASE boot.cmdline PASS") == p.Case("boot.cmdline", "PASS", "")
    ev = p.parse_line("@nova CASE console.loopback FAIL expected=0x5a got=0x0")
    assert ev == p.Case("console.loopback", "FAIL", "expected=0x5a got=0x0")
    assert p.parse_line("@nova CASE c SKIP no reference timer").detail == "no reference timer"


def test_plan_end_panic():
    assert p.parse_line("@nova PLAN 10") == p.Plan(10)
    assert p.parse_line("@nova END pass=8 fail=1 skip=1") == p.End({"pass": 8, "fail": 1, "skip": 1})
    assert p.parse_line("@nova PANIC root module is not a valid ELF64") == \
        p.Panic("root module is not a valid ELF64")


def test_metric_numbers():
    ev = p.parse_line("@nova METRIC ipc.rtt unit=cycles n=1000 min=1 median=2 mean=2.5 max=9 q1=1")
    assert ev.name == "ipc.rtt" and ev.unit == "cycles"
    assert ev.values == {"n": 1000, "min": 1, "median": 2, "mean": 2.5, "max": 9, "q1": 1}


def test_tag_after_junk_prefix():
    ev = p.parse_line("\x1b[0m\x1b[2J@nova CASE a.b PASS")
    assert ev == p.Case("a.b", "PASS", "")


def test_malformed_lines():
    for line in ("@nova CASE a.b MAYBE", "@nova CASE", "@nova PLAN many",
                 "@nova END pass=1", "@nova METRIC x unit=s n=1", "@nova FROB x"):
        assert isinstance(p.parse_line(line), p.Malformed), line


def test_line_buffer_partial_crlf_and_bad_bytes():
    buf = LineBuffer()
    assert buf.feed(b"@nova CA") == []
    assert buf.feed(b"SE a PASS\r") == []
    assert buf.feed(b"\n\xff\xfeboot\r\nrest") == ["@nova CASE a PASS", "\ufffd\ufffdboot"]
    assert buf.flush() == ["rest"]
    assert buf.flush() == []


def test_line_buffer_inner_cr_and_nul():
    buf = LineBuffer()
    assert buf.feed(b"junk\r@nova END pass=0 fail=0 skip=0\0\r\n") == \
        ["junk@nova END pass=0 fail=0 skip=0"]


def test_line_buffer_caps_endless_lines():
    from novalab.lines import MAX_LINE
    buf = LineBuffer()
    out = buf.feed(b"x" * (MAX_LINE + 1))
    assert len(out) == 1 and len(out[0]) == MAX_LINE + 1 and not buf.pending
