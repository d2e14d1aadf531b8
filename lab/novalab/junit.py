"""JUnit XML: one testsuite, a testcase per case, one for the run itself.

CI dashboards (GitLab, Jenkins) read this; the "run" testcase carries the
verdict reason so a panic or timeout shows even when every case passed.
"""
import xml.etree.ElementTree as ET


def _clean(text):
    # XML 1.0 forbids most control characters; consoles produce them.
    return "".join(ch if ch in "\t\n" or ord(ch) >= 0x20 else "?" for ch in text or "")


def build(r):
    v, rec = r.verdict, r.record
    classname = f"nova.{r.profile.name}"
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    cases = []
    for c in v.cases:
        tc = ET.Element("testcase", classname=classname, name=c.name,
                        time=f"{c.duration_s or 0:.6f}")
        if c.result == "XFAIL":
            ET.SubElement(tc, "skipped", message=_clean(c.detail) or "XFAIL")
        elif c.result == "FAIL":
            ET.SubElement(tc, "failure", message=_clean(c.detail) or "FAIL", type="FAIL")
            counts["failures"] += 1
        elif c.result == "MISSING":
            ET.SubElement(tc, "failure", message="expected case missing", type="MISSING")
            counts["failures"] += 1
        elif c.result == "SKIP":
            ET.SubElement(tc, "skipped", message=_clean(c.detail))
            counts["skipped"] += 1
        cases.append(tc)

    run = ET.Element("testcase", classname=classname, name="run",
                     time=f"{rec.total_t or 0:.3f}")
    if v.verdict != "pass":
        kind = "error" if v.verdict == "error" else "failure"
        el = ET.SubElement(run, kind, message=_clean(v.reason), type=v.verdict)
        if rec.panic is not None:
            el.text = _clean("PANIC " + rec.panic)
        counts["errors" if kind == "error" else "failures"] += 1
    out = ET.SubElement(run, "system-out")
    out.text = _clean("\n".join(r.console))
    if rec.stderr:
        ET.SubElement(run, "system-err").text = _clean(rec.stderr)
    cases.append(run)

    suite = ET.Element("testsuite", name=f"nova-{r.profile.name}",
                       tests=str(len(cases)), timestamp=r.started,
                       time=f"{rec.total_t or 0:.3f}",
                       **{k: str(n) for k, n in counts.items()})
    props = ET.SubElement(suite, "properties")
    for key, val in (("commit", r.commit), ("machine", r.profile.name),
                     ("verdict", v.verdict), ("version", (rec.begin or {}).get("version")),
                     *((f"config.{k}", x) for k, x in r.config.items())):
        ET.SubElement(props, "property", name=key, value=_clean(str(val)))
    suite.extend(cases)
    return ET.ElementTree(suite)


def write(r, path):
    tree = build(r)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
