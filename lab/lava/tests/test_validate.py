"""Every target's job, with the real images: LAVA's schema and lava-run --validate."""
import json

import pytest
import yaml

from novalava import artifacts, inventory, jobs, dispatcher, lavalog

TARGETS = inventory.load()


@pytest.fixture(scope="module")
def published(tmp_path_factory, built):
    pub = tmp_path_factory.mktemp("pub")
    done, errors = artifacts.publish(TARGETS, str(pub))
    assert errors == {}, errors          # the build must produce every board's image
    return pub, done


def job_for(t, published):
    pub, done = published
    urls = artifacts.urls(done[t.name], artifacts.file_prefix(str(pub)))
    return jobs.render(t, urls, jobs.metadata(t, "0" * 40, "default"))


def lava_results(log_text):
    return {(r["msg"]["definition"], r["msg"]["case"]): r["msg"]["result"]
            for r in map(json.loads, filter(None, log_text.splitlines()))
            if r.get("lvl") == "results"}


@pytest.mark.parametrize("t", TARGETS, ids=lambda t: t.name)
def test_job_validates(t, published, lava_ready, tmp_path):
    text = job_for(t, published)
    assert jobs.schema_errors(text) == []
    run = dispatcher.run(t, text, str(tmp_path), validate=True)
    log = lavalog.parse(run.log)
    assert (log.job_result, log.error_msg) == ("pass", None), run.log[-2000:]
    assert lava_results(run.log)[("lava", "validate")] == "pass"
    assert run.returncode == 0


def test_validation_has_teeth(published, lava_ready, tmp_path):
    """A job whose boot method the device lacks, and one whose image is not
    there, must both be refused."""
    t = inventory.by_name(TARGETS, "zcu102")
    job = yaml.safe_load(job_for(t, published))
    job["actions"][1]["boot"]["method"] = "grub"
    log = lavalog.parse(dispatcher.run(t, yaml.safe_dump(job), str(tmp_path / "a"),
                                       validate=True).log)
    assert log.job_result == "fail" and log.error_type in ("Job", "Configuration")
    job = yaml.safe_load(job_for(t, published))
    job["actions"][0]["deploy"]["kernel"]["url"] = "file:///nonexistent/nova.img"
    log = lavalog.parse(dispatcher.run(t, yaml.safe_dump(job), str(tmp_path / "b"),
                                       validate=True).log)
    assert log.job_result == "fail" and "nonexistent" in (log.error_msg or "") + str(log.errors)
