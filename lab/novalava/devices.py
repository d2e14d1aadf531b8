"""Device dictionaries, rendered as a LAVA server renders them.

The server renders a device's dictionary (a jinja2 template extending its
device type) with the job's `context:` as variables, in a sandboxed
environment with trim_blocks. lava-run needs that rendered YAML. Templates
come from, in order: our device types (lab/lava/device-types), our local
device dictionaries (lab/lava/devices), and the stock device types of
Debian's lava-server package (extracted by ci/setup; see stock_dir()).
"""
import os

import jinja2
import jinja2.sandbox
import yaml

from novalab import paths

from .inventory import LAB

OURS = os.path.join(LAB, "lava", "device-types")
LOCAL = os.path.join(LAB, "lava", "devices")
# Where stock device types may be: an installed lava-server's configuration,
# ci/setup's extraction of the lava-server .deb, the package's data dir.
STOCK_CANDIDATES = (
    "/etc/lava-server/dispatcher-config/device-types",
    os.path.join(paths.REPO, "build", "lava-server", "usr", "share", "lava-server", "device-types"),
    "/usr/share/lava-server/device-types",
)


class DeviceError(Exception):
    pass


def stock_dir():
    """The directory with lava-server's device-type templates, or None."""
    env = os.environ.get("NOVA_LAVA_DEVICE_TYPES")
    for d in ([env] if env else []) + list(STOCK_CANDIDATES):
        if d and os.path.isfile(os.path.join(d, "base.jinja2")):
            return d
    return None


def _env():
    stock = stock_dir()
    if stock is None:
        raise DeviceError("LAVA's stock device-type templates not found: run ci/setup "
                          "(it extracts Debian's lava-server package into build/lava-server) "
                          "or set NOVA_LAVA_DEVICE_TYPES")
    return jinja2.sandbox.SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([OURS, LOCAL, stock]),
        trim_blocks=True, autoescape=False)


def known_device_type(name):
    d = stock_dir()
    return any(os.path.isfile(os.path.join(x, name + ".jinja2")) for x in (OURS, d) if x)


def placeholder_dictionary(device_type):
    """A device dictionary for a board that is not here: the device type plus
    the commands a lab admin would set (serial server, PDU). Enough for
    lava-run --validate, which checks the job against the device's methods."""
    return "\n".join([
        f"{{% extends '{device_type}.jinja2' %}}",
        "{% set connection_command = 'telnet localhost 7000' %}",
        "{% set power_on_command = 'pduclient --port 1 --command on' %}",
        "{% set power_off_command = 'pduclient --port 1 --command off' %}",
        "{% set hard_reset_command = 'pduclient --port 1 --command reboot' %}",
        "{% set fastboot_serial_number = '0123456789abcdef' %}",
        "{% set adb_serial_number = '0123456789abcdef' %}",
        "",
    ])


def dictionary_source(target):
    """Template text of the device this target runs on (local file when it
    runs here, else a placeholder over its device type)."""
    local = os.path.join(LOCAL, target.name + ".jinja2")
    if target.run_here:
        if not os.path.isfile(local):
            raise DeviceError(f"{target.name} runs here but {local} is missing")
        with open(local, encoding="utf-8") as f:
            return f.read()
    if not known_device_type(target.device_type):
        raise DeviceError(f"{target.name}: device type {target.device_type} is neither "
                          f"stock nor in {OURS}")
    return placeholder_dictionary(target.device_type)


def render(source, context):
    """Renders a device dictionary template text to the device YAML."""
    try:
        text = _env().from_string(source).render(**context)
    except jinja2.TemplateError as e:
        raise DeviceError(f"device template: {e}") from e
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise DeviceError(f"rendered device dictionary is not YAML: {e}") from e
    if not isinstance(data, dict) or "actions" not in data:
        raise DeviceError("rendered device dictionary has no actions")
    return text


def for_job(target, job_text, extra=None):
    """The device YAML for running job_text on target (job context applied)."""
    context = dict((yaml.safe_load(job_text) or {}).get("context") or {})
    context.update(extra or {})
    return render(dictionary_source(target), context)
