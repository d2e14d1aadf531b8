"""A fake LAVA server (REST API v0.2) for the client and nightly tests.

Answers like lava-server 2023.01 does for the calls novalava.client makes,
and misbehaves on demand: HTTP 503 for the next N requests, devices offline,
jobs that stay queued. Job logs come from an executor: recorded/synthetic
logs here, or the real dispatcher (lab/lava/tests). Logs are served in the
server's format (a YAML list, `- {...}` per record).
"""
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import yaml

TOKEN = "s3cret"


def record(lvl, msg, dt="2026-11-22T02:00:00.000000"):
    return json.dumps({"dt": dt, "lvl": lvl, "msg": msg})


def synth_log(board, arch, cases, metrics=(), job="pass", error_type=None, error_msg=None,
              begin=True):
    """A job log as lava-run writes it: console lines, LAVA's results."""
    lines = [record("info", "lava-dispatcher, installed at version: 2023.01")]
    if begin:
        lines.append(record("target", f"@nova BEGIN suite=kernel arch={arch} board={board} version=v1"))
        for name, result in cases:
            lines.append(record("target", f"@nova CASE {name} {result}"))
            lines.append(record("results", {"definition": "nova-kernel", "case": name.replace(".", "_"),
                                            "result": result.lower(),
                                            "extra": {"test_case_id": name}}))
        for name, unit, median in metrics:
            lines.append(record("target", f"@nova METRIC {name} unit={unit} n=10 min={median - 1} "
                                          f"median={median} mean={median} max={median + 9}"))
            lines.append(record("results", {"definition": "nova-kernel", "case": name.replace(".", "_"),
                                            "result": "pass", "measurement": str(median),
                                            "units": unit, "extra": {"test_case_id": name}}))
        tally = {r: sum(1 for _, x in cases if x == r) for r in ("PASS", "FAIL", "SKIP")}
        lines.append(record("target", f"@nova END pass={tally['PASS']} fail={tally['FAIL']} "
                                      f"skip={tally['SKIP']}"))
    final = {"definition": "lava", "case": "job", "result": job}
    if error_type:
        final.update(error_type=error_type, error_msg=error_msg)
    lines.append(record("results", final))
    return "\n".join(lines) + "\n"


class FakeLava:
    def __init__(self, devices, executor, polls_to_finish=2):
        self.devices = devices            # device_type -> [health, ...]
        self.executor = executor          # (definition dict, attempt) -> (health, log text)
        self.polls_to_finish = polls_to_finish
        self.jobs = {}
        self.fail_next = 0                # answer 503 to this many requests
        self.never_finish = set()         # device types whose jobs stay queued
        self.requests = []
        self.attempts = {}
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):
        lava = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _send(self, code, body, ctype="application/json"):
                data = body if isinstance(body, bytes) else (
                    body.encode() if isinstance(body, str) else json.dumps(body).encode())
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _route(self, method):
                with lava.lock:
                    lava.requests.append((method, self.path))
                    if lava.fail_next > 0:
                        lava.fail_next -= 1
                        return self._send(503, {"detail": "Service Unavailable"})
                if self.headers.get("Authorization") != f"Token {TOKEN}":
                    return self._send(401, {"detail": "Authentication credentials were not provided."})
                path, _, query = self.path.partition("?")
                if method == "GET" and path == "/api/v0.2/devices/":
                    dt = dict(q.split("=", 1) for q in query.split("&") if "=" in q).get("device_type")
                    devs = [{"hostname": f"{dt}-{i:02d}", "device_type": dt, "health": h,
                             "state": "Idle"} for i, h in enumerate(lava.devices.get(dt, []))]
                    return self._send(200, {"count": len(devs), "next": None, "previous": None,
                                            "results": devs})
                if method == "POST" and path == "/api/v0.2/jobs/":
                    body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                    definition = yaml.safe_load(body["definition"])
                    with lava.lock:
                        jid = len(lava.jobs) + 1
                        target = definition["metadata"]["nova.target"]
                        lava.attempts[target] = lava.attempts.get(target, 0) + 1
                        lava.jobs[jid] = {"definition": definition, "polls": 0,
                                          "attempt": lava.attempts[target]}
                    return self._send(201, {"message": "job(s) successfully submitted",
                                            "job_ids": [jid]})
                m = re.fullmatch(r"/api/v0.2/jobs/(\d+)/(logs/|tests/|cancel/)?", path)
                if not m or int(m.group(1)) not in lava.jobs:
                    return self._send(404, {"detail": "Not found."})
                job = lava.jobs[int(m.group(1))]
                what = m.group(2)
                if what is None:
                    job["polls"] += 1
                    stuck = job["definition"]["device_type"] in lava.never_finish
                    done = not stuck and job["polls"] >= lava.polls_to_finish
                    if done and "log" not in job:
                        job["health"], job["log"] = lava.executor(job["definition"], job["attempt"])
                    return self._send(200, {"id": int(m.group(1)),
                                            "state": "Finished" if done else "Submitted",
                                            "health": job.get("health", "Unknown"),
                                            "requested_device_type": job["definition"]["device_type"]})
                if what == "cancel/":
                    job["canceled"] = True
                    return self._send(200, {"message": "canceled"})
                if "log" not in job:
                    return self._send(404, {"detail": "no log yet"})
                if what == "logs/":
                    text = "".join("- " + l + "\n" for l in job["log"].splitlines() if l.strip())
                    return self._send(200, text, "application/yaml")
                results = [json.loads(l)["msg"] for l in job["log"].splitlines() if l.strip()
                           and json.loads(l)["lvl"] == "results"]
                return self._send(200, {"count": len(results), "next": None, "results": [
                    {"name": r["case"], "suite": r["definition"], "result": r["result"],
                     "measurement": r.get("measurement"), "unit": r.get("units", "")}
                    for r in results]})

            def do_GET(self):
                self._route("GET")

            def do_POST(self):
                self._route("POST")

        return Handler
