"""The example pipelines: valid YAML, per-commit ci/test, nightly ci/nightly
on a schedule with the LAVA token from the CI's secrets, never in the file."""
import os

import yaml

from novalab import paths

EXAMPLES = os.path.join(paths.REPO, "ci", "examples")


def load(name):
    text = open(os.path.join(EXAMPLES, name)).read()
    return text, yaml.safe_load(text)


def test_gitlab():
    text, ci = load("gitlab-ci.yml")
    assert ci["test"]["script"] == ["ci/test"]
    assert ci["test"]["artifacts"]["reports"]["junit"]
    nightly = ci["nightly"]
    assert any(s.startswith("ci/nightly ") for s in nightly["script"])
    assert '$CI_PIPELINE_SOURCE == "schedule"' in nightly["rules"][0]["if"]
    assert "NOVA_LAVA_TOKEN" not in nightly["variables"]          # a masked CI/CD variable
    assert "results/" in ci["cache"]["paths"]


def test_github():
    text, wf = load("github-actions.yml")
    on = wf[True] if True in wf else wf["on"]        # YAML 1.1 reads `on` as true
    assert on["schedule"][0]["cron"]
    steps = wf["jobs"]["test"]["steps"]
    assert any(s.get("run") == "ci/test" for s in steps)
    nightly = wf["jobs"]["nightly"]
    assert nightly["env"]["NOVA_LAVA_TOKEN"] == "${{ secrets.NOVA_LAVA_TOKEN }}"
    assert any("ci/nightly" in (s.get("run") or "") for s in nightly["steps"])
    assert wf["jobs"]["test"]["container"]["options"] == "--privileged"


def test_scripts_exist():
    for script in ("ci/test", "ci/nightly", "ci/setup"):
        assert os.access(os.path.join(paths.REPO, script), os.X_OK)
