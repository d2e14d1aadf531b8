"""The nightly flow (ci/nightly; doc/lab.md, "Nightly pipeline").

build -> publish -> one job per inventory target -> collect -> store ->
regressions -> report. Two engines run the jobs: a LAVA server through its
REST API, or (--local) lava-run on this machine for the targets that run
here (QEMU boards); the other targets are then only validated. A job that
failed for the lab's reasons (LAVA Infrastructure error before BEGIN) is run
again, up to `retries` times; a target that never produced a result is
stored as an absent run and listed as unreachable. The last line printed is
the report's path.
"""
import functools
import http.server
import json
import os
import sys
import threading
from dataclasses import dataclass, field

from novadb import regress, store
from novalab import build, paths

from . import artifacts, client, dispatcher, inventory, jobs, lavalog

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


@dataclass
class Options:
    local: bool = False
    targets: list = field(default_factory=list)    # names; empty = all
    workdir: str = os.path.join(paths.REPO, "results", "nightly")
    db: str = store.DEFAULT_DB
    report: str = None
    url_prefix: str = None      # where workdir/publish is served (remote)
    serve: str = None           # HOST:PORT to serve workdir/publish ourselves
    build: bool = True
    retries: int = 2
    wait_s: float = 3 * 3600
    inventory_path: str = inventory.INVENTORY
    build_root: str = None      # default build/ (tests use a fake tree)


def _say(msg, out):
    print(f"nightly: {msg}", file=out, flush=True)


class LocalEngine:
    """lava-run here, one job after the other (2 cores: no gain in parallel)."""
    name = "lava-run"

    def __init__(self, workdir):
        self.workdir = workdir
        self.runs = 0

    def check(self, t):
        return (True, "") if t.run_here else (False, "does not run here")

    def run_all(self, items):
        out = {}
        for t, text in items:
            self.runs += 1
            r = dispatcher.run(t, text, os.path.join(self.workdir, f"{t.name}-{self.runs}"))
            problem = f"lava-run timed out after {r.duration_s:.0f} s" if r.timed_out else None
            out[t.name] = (r.log, None, None, problem)
        return out


class ServerEngine:
    """A LAVA server: submit everything, wait, fetch the logs."""
    name = "LAVA server"
    poll_s = 30.0

    def __init__(self, lava, wait_s):
        self.lava, self.wait_s = lava, wait_s

    def check(self, t):
        try:
            return self.lava.usable(t.device_type)
        except client.LavaError as e:
            return False, str(e)

    def run_all(self, items):
        out, submitted = {}, {}
        for t, text in items:
            try:
                submitted[self.lava.submit(text)] = t
            except client.LavaError as e:
                out[t.name] = ("", None, None, f"submit failed: {e}")
        wait = max([t.timeouts["job"] * 60 for t in submitted.values()] + [0]) + 600
        states = (self.lava.wait(list(submitted), min(wait, self.wait_s), self.poll_s)
                  if submitted else {})
        for jid, t in submitted.items():
            url = self.lava.job_url(jid)
            state = states.get(jid, {}).get("state")
            if state != client.FINISHED:
                try:
                    self.lava.cancel(jid)
                except client.LavaError:
                    pass
                out[t.name] = ("", jid, url, f"job {jid} still {state or 'unknown'} at the deadline")
                continue
            try:
                out[t.name] = (self.lava.log(jid), jid, url, None)
            except client.LavaError as e:
                out[t.name] = ("", jid, url, f"log of job {jid} unavailable: {e}")
        return out


def _lab_failure(log):
    """LAVA says the lab failed before the kernel ran: worth another try."""
    return log.error_type == "Infrastructure" and not any("@nova BEGIN" in l for l in log.console)


def execute(engine, items, commit, retries, out):
    """Runs items [(target, job text)]; returns ({name: doc}, {name: why})."""
    docs, absent = {}, {}
    pending = []
    for t, text in items:
        ok, why = engine.check(t)
        if ok:
            pending.append((t, text))
        else:
            absent[t.name] = f"unreachable: {why}"
    for attempt in range(retries + 1):
        if not pending:
            break
        _say(f"{engine.name}: {len(pending)} job(s), attempt {attempt + 1}", out)
        got = engine.run_all(pending)
        again = []
        for t, text in pending:
            log_text, jid, url, problem = got[t.name]
            log = lavalog.parse(log_text)
            if problem or _lab_failure(log):
                why = problem or f"LAVA infrastructure error: {log.error_msg}"
                if attempt < retries:
                    _say(f"{t.name}: {why}; trying again", out)
                    again.append((t, text))
                else:
                    absent[t.name] = why
                    if log_text:      # keep what LAVA said, as an error run
                        docs[t.name] = lavalog.to_document(log, t, commit, t.config(), jid, url)
                continue
            docs[t.name] = lavalog.to_document(log, t, commit, t.config(), jid, url)
        pending = again
    return docs, absent


def _serve(directory, addr):
    host, port = addr.rsplit(":", 1)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
    srv = http.server.ThreadingHTTPServer((host, int(port)), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def _build(out):
    try:
        build.setup()
        for arch in ("x86_64", "aarch64"):
            build.build(arch)
    except build.BuildError as e:
        return str(e)
    return None


def run(o, out=None):
    """The whole flow; returns the exit status (0 pass, 1 fail/regression, 2 error)."""
    commit = paths.git_commit() or "unknown"
    targets = inventory.load(o.inventory_path)
    chosen = inventory.select(targets, o.targets or None)
    os.makedirs(o.workdir, exist_ok=True)
    failed_build = _build(out) if o.build else None
    pubdir = os.path.join(o.workdir, "publish", commit)
    published, missing = ({}, {t.name: f"build failed: {failed_build}" for t in chosen}) \
        if failed_build else artifacts.publish(chosen, pubdir, o.build_root)
    server = None
    if o.local:
        prefix, engine = artifacts.file_prefix(pubdir), LocalEngine(os.path.join(o.workdir, "lava"))
    else:
        if o.serve:      # the dispatchers fetch from us (--url-prefix if we sit behind NAT)
            server = _serve(os.path.join(o.workdir, "publish"), o.serve)
        base = o.url_prefix or (f"http://{o.serve}" if o.serve else None)
        if not base:
            raise client.LavaError("publishing needs --url-prefix URL (where the publish "
                                   "directory is served) or --serve HOST:PORT")
        prefix = f"{base.rstrip('/')}/{commit}"
        url, token = client.settings()
        engine = ServerEngine(client.Client(url, token), o.wait_s)
    items = []
    for t in chosen:
        if t.name in published:
            urls = artifacts.urls(published[t.name], prefix)
            items.append((t, jobs.render(t, urls, jobs.metadata(t, commit))))
    try:
        docs, absent = execute(engine, items, commit, o.retries, out)
    finally:
        if server:
            server.shutdown()
    absent.update(missing)
    if o.local:
        _validate_others(items, o.workdir, out)
    return _record(o, commit, chosen, docs, absent, out)


def _validate_others(items, workdir, out):
    """--local: the targets that cannot run here still get lava-run --validate."""
    for t, text in items:
        if t.run_here:
            continue
        log = lavalog.parse(dispatcher.run(t, text, os.path.join(workdir, "validate", t.name),
                                           validate=True).log)
        _say(f"{t.name}: validate {log.job_result or 'no result'}"
             + (f" ({log.error_msg})" if log.error_msg else ""), out)


def _record(o, commit, chosen, docs, absent, out):
    resdir = os.path.join(o.workdir, "results", commit)
    os.makedirs(resdir, exist_ok=True)
    with store.Store(o.db) as db:
        for t in chosen:
            doc = docs.get(t.name)
            if doc is not None:
                with open(os.path.join(resdir, t.name + ".json"), "w") as f:
                    json.dump(doc, f, indent=1)
                db.add(doc, source="lava", expected=t.expected_cases())
                _say(f"{t.name}: {doc['verdict']}" + (f" ({doc['reason']})" if doc["reason"] else ""), out)
            elif t.name in absent and (t.run_here or not o.local):
                db.add_absent(commit, t.board, t.machine, t.config(), absent[t.name],
                              source="lava", arch=t.arch)
                _say(f"{t.name}: no result: {absent[t.name]}", out)
        unreachable = {n: w for n, w in absent.items() if n not in docs and
                       (not o.local or inventory.by_name(chosen, n).run_here)}
        if unreachable:
            _say("unreachable: " + "; ".join(f"{n} ({w})" for n, w in sorted(unreachable.items())), out)
        current, history = regress.analyse(db)
        from novadb import cli as results_cli, report
        regressed = results_cli.print_findings(current, history, out)
        path = report.write(db, o.report or os.path.join(o.workdir, "report.html"))
    verdicts = [d["verdict"] for d in docs.values()]
    status = (EXIT_FAIL if regressed or "fail" in verdicts else
              EXIT_ERROR if unreachable or "error" in verdicts else EXIT_OK)
    _say(f"{len(docs)} run(s), {verdicts.count('pass')} pass, {verdicts.count('fail')} fail, "
         f"{len(unreachable)} without result; database {o.db}", out)
    print(path, file=out, flush=True)
    return status
