"""TAP (version 13 subset) for `meson test` with protocol: 'tap'.

A test point per case (received or expected), then `run` for what the cases
cannot show (panic, timeouts, missing END, exit status). An error verdict
bails out, which Meson reports as ERROR rather than FAIL.
"""


def _desc(text):
    # '#' would start a TAP directive inside a description.
    return " ".join((text or "").replace("#", "\\#").split())


def lines(r):
    v = r.verdict
    if v.verdict == "error":
        return [f"Bail out! {_desc(v.reason)}"]
    out = []
    if r.mode == "protocol":
        for c in v.cases:
            if c.result == "PASS":
                out.append(f"ok - {c.name}")
            elif c.result == "SKIP":
                out.append(f"ok - {c.name} # SKIP {_desc(c.detail)}".rstrip())
            elif c.result == "XFAIL":     # TAP TODO: an expected failure
                out.append(f"not ok - {c.name} # TODO {_desc(c.detail)}")
            elif c.result == "MISSING":
                out.append(f"not ok - {c.name} # missing")
            else:
                out.append(f"not ok - {c.name}" + (f": {_desc(c.detail)}" if c.detail else ""))
    ok = v.verdict == "pass"
    out.append(("ok" if ok else "not ok") + " - run" + ("" if ok else f": {_desc(v.reason)}"))
    numbered = []
    for i, line in enumerate(out, 1):
        status, rest = line.split(" - ", 1)
        numbered.append(f"{status} {i} - {rest}")
    return [f"1..{len(numbered)}"] + numbered
