/* QEMU's "edu" PCI device (-device edu in the MSI profiles) as the MSI
 * source of probe_msi.c: writing its register 0x60 raises an interrupt,
 * sent as an MSI with the address and data of its MSI capability.
 * edu.c holds what any PCI bus shares; x86_64/edu_x86.c and
 * aarch64/edu_arm.c how that architecture reaches the device and what
 * its MSIs look like. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "libnova/probe.h"

/* --- per architecture --- */

/* The SKIP reason when the kernel offers no MSIs (INT_MSI = 0). */
extern const char edu_no_msis[];

/* Whether this board has a known way to PCI bus 0; false after a SKIP. */
bool edu_bus_known(struct nova_probe_ctx *ctx);

/* Finds the edu on PCI bus 0, enables memory decoding and bus mastering
 * and maps BAR0; its virtual address, or 0 after a FAIL. */
uintptr_t edu_locate(struct nova_probe_ctx *ctx);

/* The edu's configuration space (once located). */
uint32_t edu_cfg_read(unsigned off);
void edu_cfg_write(unsigned off, uint32_t v);

/* Its bus/device/function, the requester ID its MSIs carry. */
unsigned edu_bdf(void);

/* Whether assign_int's (addr, data) have this platform's MSI format. */
bool msi_plausible(uint32_t addr, uint16_t data);

/* Whether an MSI to addr is accepted only from assign_int's dev: always
 * through the ITS; on x86 only in the remappable format (VT-d). */
bool msi_source_checked(uint32_t addr);

/* Whether an MSI sent while masked is held and delivered on unmasking
 * (the ITS keeps the LPI pending) rather than dropped (x86). */
extern const bool msi_held_while_masked;

/* --- shared (edu.c) --- */

/* SKIP without MSIs or a way to the bus; the edu set up once: false
 * (with FAIL) if that failed, now or in an earlier probe. */
bool edu_ready(struct nova_probe_ctx *ctx);

/* Enables MSIs with (addr, data); disables them (the edu stays silent). */
void edu_msi_program(uint32_t addr, uint16_t data);
void edu_msi_disable(void);

/* Sends one interrupt; acknowledges what it raised. */
void edu_raise(void);
void edu_ack(void);
