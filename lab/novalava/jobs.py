"""LAVA job definitions: render a target's class template, check the schema.

Templates live in lab/lava/jobs/<class>.yaml.j2 (doc/lab.md). The monitor
pattern is defined here so tests can run it against protocol lines with the
same regex LAVA gets.
"""
import os
import re

import jinja2
import yaml

from .inventory import LAB

JOBS_DIR = os.path.join(LAB, "lava", "jobs")

# One regex for CASE and METRIC lines (common.j2 explains why). pexpect
# searches a growing buffer, so every group ends at a lookahead for
# whitespace: a line still arriving never matches a truncated name or value.
MONITOR_PATTERN = (
    r"@nova (?=(?:CASE [\w.-]+ |)(?P<result>PASS|FAIL|SKIP|METRIC)\s)"
    r"(?:CASE|METRIC) (?P<test_case_id>[\w.-]+)(?=\s)"
    r" (?:unit=)?(?P<units>(?<=unit=)[\w/%]+|)"
    r"(?:(?<=\s)(?=(?:PASS|FAIL|SKIP)\s)"
    r"|(?<=[\w/%]) n=\S+ min=\S+ median=(?P<measurement>[-+0-9.eE]+)(?=\s))")

# The end of monitoring: END or PANIC, with the line's newline (common.j2).
MONITOR_END = r"@nova (END|PANIC)[^\n]*\n"


def _env():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(JOBS_DIR),
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["monitor_pattern"] = MONITOR_PATTERN
    env.globals["monitor_end"] = MONITOR_END
    env.filters["yq"] = yaml_quote
    return env


def yaml_quote(value):
    """A YAML single-quoted scalar: backslashes stay literal, ' doubles."""
    return "'" + str(value).replace("'", "''") + "'"


def config_name(target):
    """The config as job metadata says it."""
    return "icount" if target.icount else "default"


def metadata(target, commit, config=None, extra=None):
    """Job metadata: what the results store keys a LAVA run by."""
    config = config or config_name(target)
    meta = {
        "nova.commit": commit or "unknown",
        "nova.target": target.name,
        "nova.board": target.board,
        "nova.arch": target.arch,
        "nova.machine": target.machine,
        "nova.config": config,
        "nova.image_kind": target.image_kind,
        "nova.suite": target.suite,
    }
    meta.update(extra or {})
    return meta


def render(target, urls, meta, job_name=None):
    """The job definition (YAML text) for target with artifacts at urls."""
    need = {"kernel", "ramdisk"} if target.klass != "fastboot" else {"boot"}
    missing = need - {k for k, v in urls.items() if v}
    if missing:
        raise ValueError(f"{target.name}: no URL for {', '.join(sorted(missing))}")
    name = job_name or f"nova {target.suite} {target.name} {meta.get('nova.commit', '')[:12]}"
    tmpl = _env().get_template(f"{target.klass}.yaml.j2")
    return tmpl.render(t=target, urls=_Urls(urls), meta=meta, job_name=name.strip())


class _Urls(dict):
    """Missing optional artifacts (dtb, firmware) read as empty."""
    def __getattr__(self, key):
        return self.get(key) or ""


def schema_errors(job_text):
    """LAVA's own server-side schema check; returns a list of messages."""
    from lava_common.schemas import validate   # lava-common (Debian)
    from voluptuous import Invalid
    try:
        data = yaml.safe_load(job_text)
    except yaml.YAMLError as e:
        return [f"not YAML: {e}"]
    try:
        validate(data, strict=True)
    except Invalid as e:
        return [str(e)]
    return []


def monitor_regex():
    """The pattern as pexpect compiles it (DOTALL)."""
    return re.compile(MONITOR_PATTERN, re.DOTALL)
