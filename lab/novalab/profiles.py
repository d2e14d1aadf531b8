"""Machine profiles: how each emulated machine is started. Pure data.

To add a machine, append a Profile to PROFILES (doc/runner.md, "Adding a
profile"); a new way of loading the kernel also needs a loader in boot.py.
Paths of images and other build outputs are relative to the arch's build
directory (build/<arch>), which is also where meson puts them.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timeouts:
    boot: float = 60.0      # emulator start -> BEGIN
    silence: float = 30.0   # longest gap between console output after BEGIN
    total: float = 180.0    # whole run
    exit: float = 10.0      # END/PANIC -> the guest ends the emulator itself


@dataclass(frozen=True)
class Profile:
    name: str
    arch: str               # x86_64 / aarch64: selects build dir and expect list
    board: str              # as the kernel prints it in BEGIN
    emulator: str           # binary, looked up on PATH
    loader: str             # key of boot.LOADERS
    image: str              # kernel image, relative to the build dir
    args: tuple             # machine options, before the loader's options
    description: str = ""
    files: dict = field(default_factory=dict)  # extra inputs (e.g. dtb), build-dir relative
    env: dict = field(default_factory=dict)    # extra environment for the emulator
    timeouts: Timeouts = Timeouts()
    pass_status: int = 33   # the emulator's exit status when the guest says pass
    fail_status: int = 35   # ... and when it says fail (after END or PANIC)
    suite: str = "kernel"   # suite the default image reports (expect list)
    root: str = "testsuite/user/root-stub.elf"   # default first module
    stderr_noise: tuple = ()    # emulator messages not worth showing (still logged)
    user_root: str = "testsuite/user/nova-probes.elf"   # the user suite for this board
    # Added with --icount so the counter ticks once per instruction (Arm's
    # default 62.5 MHz counter would tick once per 16 under icount).
    icount_args: tuple = ()


# Options every QEMU machine shares: serial console on stdio, nothing else.
QEMU_HEADLESS = ("-display", "none", "-monitor", "none", "-serial", "stdio",
                 "-nodefaults", "-no-reboot")
# The guest ends QEMU: x86 writes V to port 0xf4 -> exit (V<<1)|1.
X86_PC = ("-M", "pc", "-cpu", "max", "-m", "512") + QEMU_HEADLESS + (
    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    # A PCI device with MSI and a register that raises its interrupt: the
    # user suite's MSI probe.
    "-device", "edu")
# Q35 with VT-d interrupt remapping (QEMU publishes a DMAR). Under TCG
# intremap needs neither kernel-irqchip=split (a KVM setting) nor eim
# (auto: off without KVM, so xAPIC destinations). The IOMMU comes before
# the PCI devices it translates.
X86_Q35_IOMMU = ("-M", "q35", "-cpu", "max", "-m", "512") + QEMU_HEADLESS + (
    "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    "-device", "intel-iommu,intremap=on",
    "-device", "edu")
# aarch64 ends QEMU with semihosting SYS_EXIT, from EL2 (the kernel) or
# EL0 (a root task: QEMU 7.2 ignores EL0 semihosting without userspace=on).
ARM_SEMIHOSTING = ("-semihosting-config", "enable=on,target=native,userspace=on")

def _virt(name, machine_options, description, devices=()):
    """QEMU virt at EL2 (the board "qemu"); the variants differ in -M options
    and extra devices."""
    return Profile(
        name=name, arch="aarch64", board="qemu",
        emulator="qemu-system-aarch64", loader="arm64-image",
        image="nova-qemu-test.img",
        args=("-M", "virt,virtualization=on" + machine_options, "-cpu", "cortex-a57", "-m", "512")
        + QEMU_HEADLESS + ARM_SEMIHOSTING + devices,
        icount_args=("-global", "cortex-a57-arm-cpu.cntfrq=1000000000"),
        description=description)


PROFILES = (
    Profile(
        name="qemu-x86_64", arch="x86_64", board="pc",
        emulator="qemu-system-x86_64", loader="multiboot1",
        image="nova-pc-test.elf32", args=X86_PC,
        description="PC, multiboot v1 via QEMU -kernel (ELF32)"),
    Profile(
        name="qemu-x86_64-q35-iommu", arch="x86_64", board="pc",
        emulator="qemu-system-x86_64", loader="multiboot1",
        image="nova-pc-test.elf32", args=X86_Q35_IOMMU,
        # A blocked MSI (wrong source, masked) is what the probes want; QEMU
        # reports the first of each kind on stderr.
        stderr_noise=("vtd_irte_get",),
        description="Q35 with an Intel IOMMU (VT-d interrupt remapping: MSIs checked by "
                    "source), multiboot v1, an edu PCI device"),
    Profile(
        name="qemu-x86_64-grub", arch="x86_64", board="pc",
        emulator="qemu-system-x86_64", loader="grub-multiboot2",
        image="nova-pc-test.elf", args=X86_PC,
        description="PC, SeaBIOS + GRUB ISO, multiboot v2 (ELF64)",
        timeouts=Timeouts(boot=90.0)),
    _virt("qemu-aarch64-virt", "",
          "virt (GICv2, PL011), arm64 Image entered at EL2"),
    _virt("qemu-aarch64-virt-gicv3", ",gic-version=3",
          "virt with a GICv3 (redistributor, ICC system registers, ITS) and an edu "
          "PCI device (MSIs through the ITS), as qemu-aarch64-virt",
          # The user suite's MSI probes: edu at 00:01.0 of the PCIe ECAM.
          devices=("-device", "edu")),
    Profile(
        name="qemu-aarch64-uefi", arch="aarch64", board="uefi",
        emulator="qemu-system-aarch64", loader="uefi-esp",
        image="nova-uefi-test.efi",
        args=("-M", "virt,virtualization=on,gic-version=3", "-cpu", "cortex-a57", "-m", "512")
        + QEMU_HEADLESS + ARM_SEMIHOSTING + ("-device", "edu"),   # MSIs through the ITS (ACPI)
        user_root="testsuite/user/nova-probes-uefi.elf",
        icount_args=("-global", "cortex-a57-arm-cpu.cntfrq=1000000000"),
        # The firmware takes about 6 s (TCG) before the kernel's first line.
        timeouts=Timeouts(boot=90.0),
        description="virt (GICv3) under UEFI firmware, the kernel as EFI application, ACPI, "
                    "an edu PCI device (MSIs through the ITS)"),
    Profile(
        name="qemu-aarch64-zcu102", arch="aarch64", board="zcu102",
        emulator="qemu-system-aarch64", loader="arm64-image",
        image="nova-zcu102-test.img",
        args=("-M", "xlnx-zcu102,virtualization=on", "-m", "1G")
        + QEMU_HEADLESS + ARM_SEMIHOSTING,
        files={"dtb": "boards/zcu102.dtb"},
        user_root="testsuite/user/nova-probes-zcu102.elf",
        icount_args=("-global", "cortex-a53-arm-cpu.cntfrq=1000000000"),
        env={"QEMU_AUDIO_DRV": "none"},
        # The board's four GEMs always exist; with no netdev QEMU warns.
        stderr_noise=("has no peer",),
        description="Xilinx ZCU102 (Cortex-A53, GICv2, Cadence UART) at EL2"),
)

DEFAULT = "qemu-x86_64"


@dataclass(frozen=True)
class Suite:
    """What a run boots: the kernel's own probes (the -test image, which
    runs them at boot) or the user-mode suite (the regular image with the
    probe root task as the first module)."""
    name: str
    test_image: bool
    cmdline: str            # kernel command line words
    root: str               # default first module, build-dir relative ("" = the profile's user root)


SUITES = {
    "kernel": Suite("kernel", True, "probes", "testsuite/user/root-stub.elf"),
    "user": Suite("user", False, "", ""),
}


def root_for(profile, suite):
    return suite.root or profile.user_root


def image_for(profile, suite):
    """The profile's image names the test image; other suites boot the
    regular kernel image of the same board."""
    return profile.image if suite.test_image else profile.image.replace("-test", "")


def by_name(name):
    for p in PROFILES:
        if p.name == name:
            return p
    raise KeyError(name)


def names():
    return [p.name for p in PROFILES]
