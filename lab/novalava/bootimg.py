"""Android boot images (header v0-v2) for fastboot boards (sdm670).

Layout, from AOSP's boot image format: a header page, then kernel, ramdisk,
second stage, [v1+] recovery DTBO, [v2] DTB, each padded to the page size.
Header v2 requires a DTB; without one we write v1 and, when a DTB is given
for v0/v1, append it to the kernel (Image-dtb), as Qualcomm boot loaders
accept. The id is SHA-1 over each section followed by its size (u32 LE).
"""
import hashlib
import struct

MAGIC = b"ANDROID!"
HEADER_SIZE = {0: 1632, 1: 1648, 2: 1660}
# Qualcomm's conventional layout (base 0, kernel at +32 KiB).
DEFAULTS = dict(base=0x00000000, kernel_offset=0x00008000, ramdisk_offset=0x01000000,
                second_offset=0x00f00000, tags_offset=0x00000100, dtb_offset=0x01f00000,
                page_size=4096)


def _pad(data, page):
    return data + b"\0" * (-len(data) % page)


def build(kernel, ramdisk, cmdline, version=1, dtb=None, name="", **layout):
    """Returns the boot image bytes."""
    if version not in HEADER_SIZE:
        raise ValueError(f"header version {version} not supported (0-2)")
    if version == 2 and not dtb:
        raise ValueError("header v2 needs a DTB")
    lay = dict(DEFAULTS, **layout)
    page = lay["page_size"]
    if version < 2 and dtb:
        kernel, dtb = kernel + dtb, None
    cmd = cmdline.encode()
    if len(cmd) > 512 + 1024 - 1:
        raise ValueError("command line longer than 1535 bytes")
    base = lay["base"]
    sections = [kernel, ramdisk, b""] + ([b""] if version >= 1 else []) + \
               ([dtb] if version >= 2 else [])
    sha = hashlib.sha1()
    for s in sections:
        sha.update(s)
        sha.update(struct.pack("<I", len(s)))
    hdr = MAGIC + struct.pack(
        "<10I", len(kernel), base + lay["kernel_offset"],
        len(ramdisk), base + lay["ramdisk_offset"] if ramdisk else 0,
        0, 0,                                  # no second stage
        base + lay["tags_offset"], page, version, 0)
    hdr += struct.pack("16s", name.encode()) + struct.pack("512s", cmd[:512])
    hdr += struct.pack("32s", sha.digest()) + struct.pack("1024s", cmd[512:])
    if version >= 1:
        hdr += struct.pack("<IQI", 0, 0, HEADER_SIZE[version])   # no recovery DTBO
    if version >= 2:
        hdr += struct.pack("<IQ", len(dtb), base + lay["dtb_offset"])
    assert len(hdr) == HEADER_SIZE[version]
    return b"".join(_pad(x, page) for x in [hdr] + sections if x or x is hdr)


def parse(blob):
    """Header fields and section contents of a v0-v2 boot image (for tests
    and for checking what a published image holds)."""
    if blob[:8] != MAGIC:
        raise ValueError("not an Android boot image")
    f = struct.unpack_from("<10I", blob, 8)
    out = dict(kernel_size=f[0], kernel_addr=f[1], ramdisk_size=f[2], ramdisk_addr=f[3],
               second_size=f[4], tags_addr=f[6], page_size=f[7], version=f[8])
    out["name"] = blob[48:64].rstrip(b"\0").decode()
    out["cmdline"] = (blob[64:576].rstrip(b"\0") + blob[608:1632].rstrip(b"\0")).decode()
    out["id"] = blob[576:608]
    page = out["page_size"]
    pos = page
    for key in ("kernel", "ramdisk"):
        size = out[key + "_size"]
        out[key] = blob[pos:pos + size]
        pos += size + (-size % page)
    if out["version"] >= 2:
        size, addr = struct.unpack_from("<IQ", blob, 1648)
        pos += out["second_size"] + (-out["second_size"] % page)
        pos += 0   # no recovery DTBO in our images
        out["dtb"] = blob[pos:pos + size]
        out["dtb_addr"] = addr
    return out
