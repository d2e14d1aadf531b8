/* LPIs and the GICv3 Interrupt Translation Service: MSIs a device writes
 * to GITS_TRANSLATER are looked up by (DeviceID, EventID) in the ITS's
 * tables and become LPIs (INTID >= GIC_LPI_BASE) at the redistributor of
 * the collection they are mapped to. One collection per CPU (ICID = the
 * kernel's CPU number). Tables live in kernel memory (physical = virtual,
 * mmu.c), charged to the NOVA PD. All of this runs on the boot CPU while
 * the others idle, or under the kernel lock (assign_int). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* gic_lpi.c: the LPI configuration table (shared by every redistributor)
 * and one pending table per CPU; LPIs enabled at every online CPU's
 * redistributor. lpis: how many LPIs from GIC_LPI_BASE are used. False
 * (with a console note) when the GIC cannot do LPIs. */
bool lpi_setup(unsigned lpis);
/* LPI GIC_LPI_BASE + n on or off in the configuration table (the ITS's
 * INV makes a redistributor reread it). */
void lpi_set_enabled(unsigned n, bool on);
/* Table memory shared with the GIC. Handed over (at setup): written back
 * and invalidated to the point of coherency, so no dirty line of ours
 * can later overwrite what the GIC wrote. Written (later): the same only
 * when a GIC register read back Shareability 0 (the GIC does not snoop:
 * gic_table_noncoherent). */
void gic_table_handover(const void *p, size_t len);
void gic_table_written(const void *p, size_t len);
void gic_table_noncoherent(void);

/* gic_its.c: the ITS at base: device and collection tables, command
 * queue, enabled, a collection mapped to each online CPU. False (with a
 * console note) when it cannot be used. */
struct its_info {
    uint64_t base;
    unsigned devices;               /* DeviceIDs 0..devices-1 are usable */
    unsigned event_bits;            /* EventID bits the ITS supports */
    unsigned itt_entry;             /* bytes per ITT entry */
    bool pta;                       /* RDbase is a physical address (else a CPU number) */
};
bool its_setup(uint64_t base, struct its_info *info);
/* The RDbase field commands name CPU cpu's redistributor with. */
uint64_t its_rdbase(unsigned cpu);

/* gic_its_cmd.c: the command queue (one 4 KiB page of 32-byte commands).
 * Commands are queued, then its_submit() publishes them and waits until
 * the ITS has consumed them all; a stalled or stuck queue panics. */
bool its_queue_init(uint64_t base);
void its_mapc(unsigned icid, uint64_t rdbase);
void its_mapd(unsigned dev, const void *itt, unsigned event_bits, bool valid);
void its_mapti(unsigned dev, unsigned event, unsigned intid, unsigned icid);
void its_movi(unsigned dev, unsigned event, unsigned icid);
void its_discard(unsigned dev, unsigned event);
void its_inv(unsigned dev, unsigned event);
void its_sync(uint64_t rdbase);
void its_submit(void);

/* intr_its.c: an LPI of an interrupt semaphore (EOI'd, its SM up); false
 * for any other INTID. */
bool irq_lpi(unsigned id, uint32_t token);
