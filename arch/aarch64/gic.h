/* The interrupt controller: GICv2 (memory-mapped CPU interface) or GICv3
 * (redistributors, ICC system registers), chosen by the DTB or the board
 * data. Every interrupt is group 1 (IRQ, never FIQ), one priority,
 * EOImode 0 (EOI drops the priority and deactivates). CPUs are the
 * kernel's CPU numbers (arch_cpu_id); each has its own CPU interface. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "board_data.h"

#define GIC_PPI(n) (16u + (n))          /* private peripheral interrupt n */
#define GIC_SPI(n) (32u + (n))          /* shared peripheral interrupt n */
#define GIC_SPURIOUS_MIN 1020u          /* 1020..1023: no interrupt to take */
#define GIC_SPURIOUS_MAX 1023u
#define GIC_LPI_BASE 8192u              /* INTID of the first LPI */
#define GIC_ITS_SIZE 0x20000u           /* ITS control frame + GITS_TRANSLATER frame */
#define GIC_SGI_RESCHED 1u              /* the reschedule IPI (SGI 1) */
#define GIC_PRIO 0xa0u                  /* every interrupt; masks pass all */

/* Where the GIC is: the board's values unless the DTB names one. */
struct gic_config {
    struct board_gic g;
    uint64_t gicd_size, gicr_size;      /* GICR: the first region */
    unsigned timer_ppi;                 /* INTID of the EL2 physical timer */
    const char *source;                 /* "DTB" or "board" */
};

struct bootinfo;
/* gic_dt.c: fills c from the DTB's interrupt controller and /timer;
 * false when the DTB names no GIC this kernel drives. */
bool gic_from_dt(const struct bootinfo *bi, struct gic_config *c);

/* One GIC version's operations (gic_v2.c, gic_v3.c). */
struct gic_driver {
    const char *name;
    /* Distributor and this (the boot) CPU's interface: all interrupts
     * off, group 1, SPIs routed here; then signalling on. */
    void (*init)(const struct gic_config *c);
    /* Another CPU's own interface (its SGIs/PPIs off), on that CPU. */
    void (*cpu_init)(const struct gic_config *c);
    /* Takes the highest pending interrupt: a token for eoi, whose INTID
     * is token & intid_mask (>= GIC_SPURIOUS_MIN: none). */
    uint32_t (*ack)(void);
    void (*eoi)(uint32_t token);
    uint32_t intid_mask;
    void (*enable)(unsigned intid, bool on);
    /* Edge (true) or level; the interrupt must be disabled meanwhile. */
    void (*configure)(unsigned intid, bool edge);
    void (*route)(unsigned intid, unsigned cpu);   /* an SPI to that CPU */
    bool (*pending)(unsigned intid);
    void (*sgi)(unsigned intid, unsigned cpu);     /* raises SGI intid there */
};

extern const struct gic_driver gic_v2, gic_v3;
extern const struct gic_driver *gic;    /* the active driver */
extern unsigned gic_lines;              /* INTIDs 0..gic_lines-1 exist (set by init) */

/* gic.c: finds the GIC (DTB, else board data), maps it, initialises
 * distributor and CPU interface. Before the first interrupt is enabled. */
void gic_setup(const struct bootinfo *bi);
/* A secondary CPU's interface, on that CPU, after gic_setup. */
void gic_cpu_setup(void);
const struct gic_config *gic_active(void);

static inline uint32_t gic_ack(void) { return gic->ack(); }
static inline unsigned gic_intid(uint32_t token) { return token & gic->intid_mask; }
static inline void gic_eoi(uint32_t token) { gic->eoi(token); }
static inline void gic_enable(unsigned intid, bool on) { gic->enable(intid, on); }
static inline void gic_configure(unsigned intid, bool edge) { gic->configure(intid, edge); }
static inline void gic_route(unsigned intid, unsigned cpu) { gic->route(intid, cpu); }
static inline void gic_sgi(unsigned intid, unsigned cpu) { gic->sgi(intid, cpu); }
static inline bool gic_pending(unsigned intid) { return gic->pending(intid); }
static inline bool gic_spurious(unsigned intid)
{
    return intid >= GIC_SPURIOUS_MIN && intid <= GIC_SPURIOUS_MAX;
}

/* gic_v3.c: a CPU's redistributor (RD_base), 0 before its cpu_init or
 * without a GICv3; and the distributor's GICD_TYPER. */
uint64_t gic_v3_redistributor(unsigned cpu);
uint32_t gic_v3_typer(void);

/* Bounded wait for a register bit to clear (RWP, ChildrenAsleep). */
bool gic_wait_clear(uint64_t reg, uint32_t bits);
