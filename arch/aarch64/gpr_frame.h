/* Assembler: x2..x29 at offsets 16..224 of a frame at sp. The EC frame
 * (uregs.h) and the kernel trap frame (trap_frame.h) share this layout;
 * each entry path saves x0/x1 and x30 itself. */
#pragma once

    .macro gpr_pairs op
    \op    x2, x3, [sp, #16]
    \op    x4, x5, [sp, #32]
    \op    x6, x7, [sp, #48]
    \op    x8, x9, [sp, #64]
    \op    x10, x11, [sp, #80]
    \op    x12, x13, [sp, #96]
    \op    x14, x15, [sp, #112]
    \op    x16, x17, [sp, #128]
    \op    x18, x19, [sp, #144]
    \op    x20, x21, [sp, #160]
    \op    x22, x23, [sp, #176]
    \op    x24, x25, [sp, #192]
    \op    x26, x27, [sp, #208]
    \op    x28, x29, [sp, #224]
    .endm
