"""novalab: the emulator lab runner of the NOVA-compatible microhypervisor.

Boots test images under emulators, reads the console protocol
(doc/runner.md) and turns it into a verdict and result documents.
"""
