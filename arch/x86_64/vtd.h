/* Intel VT-d remapping units: registers and commands (VT-d specification
 * chapter 11), shared by the invalidation queue and interrupt remapping. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

enum { VTD_VER = 0x00, VTD_CAP = 0x08, VTD_ECAP = 0x10, VTD_GCMD = 0x18, VTD_GSTS = 0x1C,
       VTD_FSTS = 0x34, VTD_IQH = 0x80, VTD_IQT = 0x88, VTD_IQA = 0x90, VTD_IRTA = 0xB8 };
enum { VTD_ECAP_C = 1u << 0, VTD_ECAP_QI = 1u << 1, VTD_ECAP_IR = 1u << 3 };
/* GCMD bits; GSTS reports each at the same position. */
enum { VTD_CMD_CFI = 1u << 23, VTD_CMD_SIRTP = 1u << 24, VTD_CMD_IRE = 1u << 25,
       VTD_CMD_QIE = 1u << 26 };
enum { VTD_FSTS_IQE = 1u << 4 };

struct vtd_unit {
    uint64_t base;                  /* physical, for messages */
    volatile uint8_t *regs;
    uint64_t *queue;                /* 256 descriptors of 128 bits */
    volatile uint32_t *done;        /* the wait descriptors' status word */
    uint64_t done_phys;
    uint32_t tail, seq;
};

static inline uint32_t vtd_read32(const struct vtd_unit *u, unsigned reg)
{
    return *(volatile uint32_t *)(u->regs + reg);
}

static inline uint64_t vtd_read64(const struct vtd_unit *u, unsigned reg)
{
    return *(volatile uint64_t *)(u->regs + reg);
}

static inline void vtd_write32(const struct vtd_unit *u, unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)(u->regs + reg) = v;
}

static inline void vtd_write64(const struct vtd_unit *u, unsigned reg, uint64_t v)
{
    *(volatile uint64_t *)(u->regs + reg) = v;
}

/* Sets (on) or clears one GCMD bit, keeping the others, and waits until
 * GSTS reports it; panics naming `what` when the unit does not. */
void vtd_command(const struct vtd_unit *u, uint32_t bit, bool on, const char *what);

/* Turns the unit's invalidation queue on (memory charged to the NOVA PD);
 * false without memory. */
bool vtd_qi_init(struct vtd_unit *u);
/* Invalidates the unit's cached interrupt remapping entry `index` (all of
 * them for -1) and waits until it has; panics when the unit reports a
 * queue error or does not finish in time. */
void vtd_qi_flush_irte(struct vtd_unit *u, int index);
