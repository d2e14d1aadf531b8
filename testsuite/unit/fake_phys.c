#include "fake_phys.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned char fake_phys[FAKE_PHYS_SIZE];

bool fake_phys_exact;
static void *copies[16384];       /* a string read byte by byte takes one each */
static unsigned ncopies;

const void *fake_phys_read(uint64_t pa, uint64_t len)
{
    if (pa < FAKE_PHYS_BASE || pa - FAKE_PHYS_BASE > FAKE_PHYS_SIZE ||
        len > FAKE_PHYS_SIZE - (pa - FAKE_PHYS_BASE))
        return NULL;
    const unsigned char *p = fake_phys + (pa - FAKE_PHYS_BASE);
    if (!fake_phys_exact)
        return p;
    if (ncopies == sizeof copies / sizeof *copies) {
        fprintf(stderr, "fake_phys: more than %u reads without a release\n", ncopies);
        abort();
    }
    unsigned char *c = malloc(len ? len : 1);
    if (!c)
        abort();
    memcpy(c, p, len);
    copies[ncopies++] = c;
    return c;
}

void fake_phys_release(void)
{
    while (ncopies)
        free(copies[--ncopies]);
}
