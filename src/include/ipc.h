/* IPC (interface §4.4, §4.5, §5.9): calls through portals with SC
 * donation, replies, and architectural events delivered as IPC. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct ec;

_Noreturn void ipc_call(struct ec *cur, uint64_t pt_sel, uint32_t mtd, bool no_wait);
_Noreturn void ipc_reply(struct ec *cur, uint32_t mtd);
/* Delivers event number ev (relative to SEL_EVT) of ec to its handler;
 * kills ec when there is no usable event portal. */
_Noreturn void ipc_event(struct ec *ec, uint64_t ev);
/* The STARTUP event of a global thread that got its first SC. */
_Noreturn void ipc_event_startup(struct ec *ec);
/* Readies the ECs that waited for ec to become free (they retry). */
void ipc_release_helpers(struct ec *ec);
