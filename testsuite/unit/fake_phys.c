#include "fake_phys.h"

unsigned char fake_phys[FAKE_PHYS_SIZE];

const void *fake_phys_read(uint64_t pa, uint64_t len)
{
    if (pa < FAKE_PHYS_BASE || pa - FAKE_PHYS_BASE > FAKE_PHYS_SIZE ||
        len > FAKE_PHYS_SIZE - (pa - FAKE_PHYS_BASE))
        return NULL;
    return fake_phys + (pa - FAKE_PHYS_BASE);
}
