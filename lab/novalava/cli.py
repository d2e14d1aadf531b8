"""lab/lava-jobs and ci/nightly (doc/lab.md).

  lab/lava-jobs list                       the inventory
  lab/lava-jobs render TARGET [--url-prefix U]   a job definition on stdout
  lab/lava-jobs validate [TARGET...]       schema + lava-run --validate (root)
  lab/lava-jobs run TARGET                 a job through lava-run here (root)
  lab/lava-jobs submit TARGET --url-prefix U     to the LAVA server; prints the job URL
  ci/nightly [--local] ...                 the nightly flow
"""
import argparse
import os
import sys
import tempfile

from novalab import paths

from . import artifacts, client, devices, dispatcher, inventory, jobs, lavalog, nightly


def _published(t, tmp, prefix):
    rel = artifacts.publish_target(t, tmp)
    return jobs.render(t, artifacts.urls(rel, prefix or artifacts.file_prefix(tmp)),
                       jobs.metadata(t, paths.git_commit()))


def cmd_list(a, targets):
    for t in targets:
        print(f"{t.name:<20} {t.board:<8} {t.arch:<8} {t.klass:<9} {t.device_type:<18} "
              f"{'here' if t.run_here else 'lab':<5} {os.path.relpath(t.expect_file(), paths.REPO)}")
    return 0


def cmd_render(a, targets):
    with tempfile.TemporaryDirectory() as tmp:
        print(_published(inventory.by_name(targets, a.target), tmp, a.url_prefix), end="")
    return 0


def cmd_validate(a, targets):
    why = dispatcher.available()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for t in inventory.select(targets, a.targets or None):
            text = _published(t, os.path.join(tmp, "pub"), None)
            errors = jobs.schema_errors(text)
            if not errors and not why:
                log = lavalog.parse(dispatcher.run(t, text, os.path.join(tmp, t.name),
                                                   validate=True).log)
                if log.job_result != "pass":
                    errors = [log.error_msg or "lava-run --validate failed"]
            bad += bool(errors)
            print(f"{t.name:<20} {'FAIL ' + '; '.join(errors) if errors else 'ok'}")
    if why:
        print(f"lava-jobs: schema only, no lava-run: {why}", file=sys.stderr)
    return 1 if bad else 0


def cmd_run(a, targets):
    why = dispatcher.available()
    if why:
        print(f"lava-jobs: {why}", file=sys.stderr)
        return 2
    t = inventory.by_name(targets, a.target)
    work = a.workdir or tempfile.mkdtemp(prefix=f"lava-{t.name}-")
    text = _published(t, os.path.join(work, "pub"), None)
    r = dispatcher.run(t, text, os.path.join(work, "lava"))
    doc = lavalog.to_document(lavalog.parse(r.log), t, paths.git_commit(), t.config())
    for c in doc["cases"]:
        print(f"{c['result']:<8} {c['name']}  {c['detail']}".rstrip())
    print(f"{t.name}: {doc['verdict']}" + (f" ({doc['reason']})" if doc["reason"] else ""))
    print(f"log: {os.path.join(work, 'lava', 'job.log')}")
    return {"pass": 0, "fail": 1}.get(doc["verdict"], 2)


def cmd_submit(a, targets):
    url, token = client.settings()
    lava = client.Client(url, token)
    t = inventory.by_name(targets, a.target)
    with tempfile.TemporaryDirectory() as tmp:
        text = _published(t, tmp, a.url_prefix)
    print(lava.job_url(lava.submit(text)))
    return 0


def cmd_nightly(a, targets):
    o = nightly.Options(local=a.local, targets=a.targets, build=not a.no_build,
                        retries=a.retries, url_prefix=a.url_prefix, serve=a.serve,
                        inventory_path=a.inventory)
    if a.workdir:
        o.workdir = os.path.abspath(a.workdir)
    o.db = a.db or os.environ.get("NOVA_RESULTS_DB") or o.db
    o.report = a.report
    if a.local:
        why = dispatcher.available()
        if why:
            print(f"nightly: --local needs lava-run here: {why}", file=sys.stderr)
            return 2
    try:
        return nightly.run(o)
    except (client.LavaError, devices.DeviceError, inventory.InventoryError) as e:
        print(f"nightly: {e}", file=sys.stderr)
        return 2


def parser(prog):
    ap = argparse.ArgumentParser(prog=prog, description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inventory", default=inventory.INVENTORY, help=argparse.SUPPRESS)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    p = sub.add_parser("render")
    p.add_argument("target")
    p.add_argument("--url-prefix", help="where the images are served (default: file://)")
    p = sub.add_parser("validate")
    p.add_argument("targets", nargs="*")
    p = sub.add_parser("run")
    p.add_argument("target")
    p.add_argument("--workdir")
    p = sub.add_parser("submit")
    p.add_argument("target")
    p.add_argument("--url-prefix", required=True)
    p = sub.add_parser("nightly")
    p.add_argument("--local", action="store_true",
                   help="lava-run here, QEMU boards only (the others are validated)")
    p.add_argument("--targets", type=lambda s: [x for x in s.split(",") if x], default=[],
                   help="comma-separated target names (default: the whole inventory)")
    p.add_argument("--workdir", help="published images, job logs, result documents "
                   "(default results/nightly)")
    p.add_argument("--db", help="results database (default $NOVA_RESULTS_DB or results/nova.db)")
    p.add_argument("--report", help="HTML report (default WORKDIR/report.html)")
    p.add_argument("--url-prefix", help="URL under which WORKDIR/publish is served")
    p.add_argument("--serve", metavar="HOST:PORT", help="serve WORKDIR/publish ourselves")
    p.add_argument("--retries", type=int, default=2, help="reruns after lab failures")
    p.add_argument("--no-build", action="store_true", help="use the images as built")
    return ap


COMMANDS = {"list": cmd_list, "render": cmd_render, "validate": cmd_validate, "run": cmd_run,
            "submit": cmd_submit, "nightly": cmd_nightly}


def main(argv=None, prog="lab/lava-jobs"):
    a = parser(prog).parse_args(argv)
    try:
        targets = inventory.load(a.inventory)
        return COMMANDS[a.cmd](a, targets)
    except (KeyError, artifacts.ArtifactError, inventory.InventoryError,
            devices.DeviceError, client.LavaError) as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
