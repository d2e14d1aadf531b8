"""The lab around LAVA: inventory, job rendering and validation, local
lava-run, the REST client and the nightly flow (doc/lab.md).

Debian packages only: python3-yaml, python3-jinja2, python3-requests and,
for validation and local runs, lava-dispatcher / lava-common.
"""
