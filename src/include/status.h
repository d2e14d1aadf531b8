/* Hypercall status codes (NOVA interface §4.2). */
#pragma once

enum status {
    SUCCESS = 0x0,
    TIMEOUT = 0x1,
    ABORTED = 0x2,
    OVRFLOW = 0x3,
    BAD_HYP = 0x4,
    BAD_CAP = 0x5,
    BAD_PAR = 0x6,
    BAD_FTR = 0x7,
    BAD_CPU = 0x8,
    BAD_DEV = 0x9,
    MEM_OBJ = 0xA,
    MEM_CAP = 0xB,
};
