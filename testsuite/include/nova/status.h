/* Status codes (spec 4.2), returned in bits 7..0 of the first register. */
#pragma once

enum nova_status {
    NOVA_SUCCESS = 0x0,
    NOVA_TIMEOUT = 0x1,
    NOVA_ABORTED = 0x2,
    NOVA_OVRFLOW = 0x3,
    NOVA_BAD_HYP = 0x4,
    NOVA_BAD_CAP = 0x5,
    NOVA_BAD_PAR = 0x6,
    NOVA_BAD_FTR = 0x7,
    NOVA_BAD_CPU = 0x8,
    NOVA_BAD_DEV = 0x9,
    NOVA_MEM_OBJ = 0xA,
    NOVA_MEM_CAP = 0xB,
};
#define NOVA_STATUS_COUNT 0xCu   /* values from here on are reserved */

/* The spec's name of a status ("RESERVED" past MEM_CAP). */
static inline const char *nova_status_name(unsigned s)
{
    static const char *const names[NOVA_STATUS_COUNT] = {
        "SUCCESS", "TIMEOUT", "ABORTED", "OVRFLOW", "BAD_HYP", "BAD_CAP",
        "BAD_PAR", "BAD_FTR", "BAD_CPU", "BAD_DEV", "MEM_OBJ", "MEM_CAP",
    };
    return s < NOVA_STATUS_COUNT ? names[s] : "RESERVED";
}
