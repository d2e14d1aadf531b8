#!/usr/bin/env python3
"""The EFI stub runs before the kernel sits at its link address, so its
code and everything it calls must address memory PC-relatively only.
Checks the named members of the kernel library: in code and data sections
(debug information aside) only PC-relative relocations may appear.
Usage: check_efi_pic.py OBJDUMP LIBRARY MEMBER-SUFFIX..."""
import re
import subprocess
import sys

PC_RELATIVE = re.compile(r"R_AARCH64_(CALL26|JUMP26|CONDBR19|TSTBR14|ADR_PREL_PG_HI21|ADR_PREL_LO21"
                         r"|ADD_ABS_LO12_NC|LDST(8|16|32|64|128)_ABS_LO12_NC|LD_PREL_LO19"
                         r"|PREL(16|32|64))$")


def main(objdump, library, *suffixes):
    out = subprocess.run([objdump, "-r", library], capture_output=True, text=True,
                         check=True).stdout
    member, section, seen, bad = None, None, set(), []
    for line in out.splitlines():
        m = re.match(r"^(\S+\.o):\s+file format", line)
        if m:
            member = m.group(1)
            continue
        m = re.match(r"^RELOCATION RECORDS FOR \[(.*)\]:", line)
        if m:
            section = m.group(1)
            continue
        fields = line.split()
        if (member is None or not any(member.endswith(s) for s in suffixes) or len(fields) < 3
                or not fields[1].startswith("R_AARCH64_") or section.startswith(".debug")):
            continue
        seen.add(member)
        if not PC_RELATIVE.match(fields[1]):
            bad.append(f"{member} [{section}]: {fields[1]} {fields[2]}")
    missing = [s for s in suffixes if not any(m.endswith(s) for m in seen)]
    for b in bad:
        print("absolute relocation in EFI stub code:", b)
    for s in missing:
        print("no relocations seen for", s, "(not in the library?)")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
