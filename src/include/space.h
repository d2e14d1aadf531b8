/* Spaces (interface §1.2): the object space is a capability table, the
 * host space a page table, the PIO and MSR spaces permission bitmaps. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "cap.h"
#include "hpt.h"
#include "status.h"

#define SEL_NUM 0x40000ull          /* selectors per object space: 512 x 512 */
#define PIO_PORTS 0x10000u

struct space_obj {
    struct kobj hdr;
    struct pd *pd;
    cap_t **leaf;                   /* 512 pointers to leaves of 512 caps */
};

struct space_hst {
    struct kobj hdr;
    struct pd *pd;
    bool nova;                      /* the NOVA host space: all of physical memory */
    struct hpt hpt;
};

struct space_pio {
    struct kobj hdr;
    struct pd *pd;
    bool nova;                      /* the NOVA PIO space: every unprotected port */
    uint8_t *allowed;               /* 8 KiB, bit set = port accessible (A) */
    unsigned ports;                 /* how many bits are set */
};

struct space_msr {
    struct kobj hdr;
    struct pd *pd;
    bool nova;
    uint8_t *perms;                 /* 2 bits (R, W) per MSR of the valid ranges */
};

/* Object space */
struct space_obj *space_obj_create(struct pd *owner);
static inline __attribute__((always_inline)) cap_t space_obj_lookup(const struct space_obj *s, uint64_t sel)
{
    const cap_t *leaf = sel < SEL_NUM ? s->leaf[sel >> 9] : 0;
    return leaf ? leaf[sel & 511] : CAP0;
}
/* Replaces the capability at sel; storage is charged to the PD holding
 * the space. MEM_CAP when that fails, BAD_PAR for sel >= SEL_NUM. */
enum status space_obj_store(struct space_obj *s, uint64_t sel, cap_t c);
/* Stores c at sel only if sel holds CAP0 (the create_* rule): BAD_CAP. */
enum status space_obj_insert(struct space_obj *s, uint64_t sel, cap_t c);
/* Delegation between object spaces (interface §4.11): slot dsb+i becomes
 * slot ssb+i with its permissions masked by pmm, CAP0 when none remain.
 * BAD_PAR when a range runs past SEL_NUM; MEM_CAP (partial) when the
 * destination's PD cannot pay for a leaf. */
enum status space_obj_delegate(struct space_obj *src, struct space_obj *dst, uint64_t ssb,
                               uint64_t dsb, uint64_t n, unsigned pmm);

/* Host space */
struct space_hst *space_hst_create(struct pd *owner, bool nova);

/* PIO space */
struct space_pio *space_pio_create(struct pd *owner, bool nova);
bool space_pio_allowed(const struct space_pio *s, unsigned port);
void space_pio_set(struct space_pio *s, unsigned port, bool allowed);

/* MSR space */
struct space_msr *space_msr_create(struct pd *owner, bool nova);
bool space_msr_valid(uint64_t msr);
unsigned space_msr_perms(const struct space_msr *s, uint64_t msr);
void space_msr_set(struct space_msr *s, uint64_t msr, unsigned perms);

/* The architecture reloads the I/O permission bitmap of a PIO space
 * that changed (x86: the TSS copy); a no-op elsewhere. */
void arch_pio_changed(const struct space_pio *s);
/* Ports the NOVA PIO space withholds (weak default: none). */
bool arch_pio_protected(unsigned port);
