/* Host page tables: the hardware side of a host space, one 4 KiB frame
 * per selector. The architecture implements them (x86: 4-level tables
 * with the kernel half shared; aarch64: stage-2 tables). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "hpt_arch.h"      /* struct hpt */
#include "quota.h"

/* Memory capability permissions (interface §2.3). */
enum { MEM_R = 1u << 0, MEM_W = 1u << 1, MEM_XU = 1u << 2, MEM_XS = 1u << 3 };
#define MEM_PERMS 0x0Fu

struct hpt_entry {
    uint64_t pa;
    unsigned perms;        /* MEM_*; 0 means CAP0 */
    unsigned attr;         /* MAD bits as delegated */
    bool kernel_owned;     /* UTCB, HIP: never delegable */
};

/* A new, empty space; its tables are charged to q. */
bool hpt_init(struct hpt *h, struct quota *q);
void hpt_destroy(struct hpt *h, struct quota *q);
/* Installs or replaces the frame at va (4 KiB aligned, below HPT_USER_END);
 * perms 0 removes it. False when q cannot pay for a table (MEM_CAP). */
bool hpt_set(struct hpt *h, struct quota *q, uint64_t va, const struct hpt_entry *e);
/* The entry at va; perms 0 when nothing is mapped. */
struct hpt_entry hpt_get(const struct hpt *h, uint64_t va);

/* The lowest page address >= va (4 KiB aligned) that may hold an entry,
 * skipping ranges without tables; HPT_USER_END when there is none. */
uint64_t hpt_skip(const struct hpt *h, uint64_t va);

/* Physical memory the NOVA host space must give as CAP0 besides the
 * kernel image (interface §5.8: interrupt controllers, IOMMUs, ...). */
bool arch_phys_protected(uint64_t pa);

/* Whether a MAD encoding is valid here (interface §3.10). */
bool arch_mad_valid(uint32_t mad);
/* The hpt_entry attr for a valid MAD (default: its CA bits). */
unsigned arch_mad_attr(uint32_t mad);
