"""A LAVA server through its REST API (v0.2), with python3-requests.

Server URL and token: NOVA_LAVA_URL / NOVA_LAVA_TOKEN, else a YAML file
($NOVA_LAVA_CONFIG, default ~/.config/nova-lab/lava.yaml) with `url:` and
`token:`. Transport trouble (connection errors, timeouts, HTTP 5xx and 429)
is retried with backoff and then reported as Unreachable; other HTTP errors
are LavaError. Whether a job's failure was the lab's (an Infrastructure
error) is read from its log by the caller (nightly.py), which resubmits.
"""
import os
import time

import requests
import yaml

API = "/api/v0.2"
FINISHED = "Finished"
USABLE_HEALTH = ("Good", "Unknown")


class LavaError(Exception):
    pass


class Unreachable(LavaError):
    """The server (or a board behind it) could not be reached after retries."""


def settings(env=None, path=None):
    """(url, token) from the environment or the config file."""
    env = os.environ if env is None else env
    url, token = env.get("NOVA_LAVA_URL"), env.get("NOVA_LAVA_TOKEN")
    path = path or env.get("NOVA_LAVA_CONFIG") or os.path.expanduser("~/.config/nova-lab/lava.yaml")
    if (not url or not token) and os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            cfg = yaml.safe_load(f) or {}
        url, token = url or cfg.get("url"), token or cfg.get("token")
    if not url:
        raise LavaError("no LAVA server: set NOVA_LAVA_URL (and NOVA_LAVA_TOKEN) or write "
                        f"url/token to {path}")
    return url.rstrip("/"), token


class Client:
    def __init__(self, url, token=None, retries=4, backoff_s=2.0, timeout_s=30.0,
                 session=None, sleep=time.sleep):
        self.url = url.rstrip("/")
        self.retries, self.backoff_s, self.timeout_s = retries, backoff_s, timeout_s
        self.http = session or requests.Session()
        if token:
            self.http.headers["Authorization"] = f"Token {token}"
        self.sleep = sleep

    def _call(self, method, path, **kw):
        url = path if path.startswith("http") else f"{self.url}{API}{path}"
        last = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff_s * 2 ** (attempt - 1))
            try:
                r = self.http.request(method, url, timeout=self.timeout_s, **kw)
            except (requests.ConnectionError, requests.Timeout) as e:
                last = f"{type(e).__name__}: {e}"
                continue
            if r.status_code >= 500 or r.status_code == 429:
                last = f"HTTP {r.status_code} from {url}"
                continue
            if r.status_code >= 400:
                raise LavaError(f"HTTP {r.status_code} from {method} {url}: {r.text[:300]}")
            return r
        raise Unreachable(f"{self.url} unreachable after {self.retries + 1} tries: {last}")

    def job_url(self, job_id):
        return f"{self.url}/scheduler/job/{job_id}"

    def _all(self, path, params=None):
        """Every item of a paginated list."""
        items, url = [], path
        while url:
            data = self._call("GET", url, params=params).json()
            if isinstance(data, list):
                return items + data
            items += data.get("results", [])
            url, params = data.get("next"), None
        return items

    def usable(self, device_type):
        """(True, "") if some device of the type can run jobs, else (False, why)."""
        devs = self._all("/devices/", {"device_type": device_type})
        if not devs:
            return False, f"no device of type {device_type} on {self.url}"
        good = [d for d in devs if d.get("health") in USABLE_HEALTH]
        if not good:
            states = ", ".join(f"{d.get('hostname')}: {d.get('health')}" for d in devs)
            return False, f"no usable {device_type} ({states})"
        return True, ""

    def submit(self, definition):
        data = self._call("POST", "/jobs/", json={"definition": definition}).json()
        ids = data.get("job_ids") or ([data["id"]] if "id" in data else [])
        if not ids:
            raise LavaError(f"submit answered without a job id: {data}")
        return str(ids[0])

    def job(self, job_id):
        return self._call("GET", f"/jobs/{job_id}/").json()

    def cancel(self, job_id):
        self._call("GET", f"/jobs/{job_id}/cancel/")

    def wait(self, job_ids, timeout_s, poll_s=15.0, clock=time.monotonic):
        """Polls until every job is Finished; returns {id: job}, unfinished
        ones with their last state."""
        deadline = clock() + timeout_s
        done, pending = {}, list(job_ids)
        while pending:
            for jid in list(pending):
                j = self.job(jid)
                if j.get("state") == FINISHED:
                    done[jid] = j
                    pending.remove(jid)
                else:
                    done[jid] = j
            if not pending or clock() >= deadline:
                break
            self.sleep(poll_s)
        return done

    def log(self, job_id):
        """The job log as text (a YAML list of records, one per line)."""
        return self._call("GET", f"/jobs/{job_id}/logs/").text

    def results(self, job_id):
        return self._all(f"/jobs/{job_id}/tests/")
