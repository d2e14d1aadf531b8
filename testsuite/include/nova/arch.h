/* The native architecture's view of the ABI: the architectural UTCB, MTD
 * bits, event numbers and MAD encoding of the target being compiled. */
#pragma once
#include "nova/mad.h"

#if defined(__x86_64__)
#include "nova/x86_64/event.h"
#include "nova/x86_64/mtd.h"
#include "nova/x86_64/utcb_arch.h"
typedef struct nova_utcb_x86 nova_utcb_arch;
#define NOVA_UTCB_ARCH_SIZE NOVA_X86_UTCB_ARCH_SIZE
#define NOVA_HST_ARCH_MIN NOVA_X86_EXC_COUNT       /* host exceptions 0..0x1F */
#define NOVA_GST_ARCH_MIN NOVA_VMX_EXIT_COUNT      /* VMX exits 0..0x5F */
#define NOVA_HST_NOVA_MIN 2u                       /* STARTUP, RECALL */
#define NOVA_GST_NOVA_MIN 2u
#elif defined(__aarch64__)
#include "nova/aarch64/event.h"
#include "nova/aarch64/mtd.h"
#include "nova/aarch64/utcb_arch.h"
typedef struct nova_utcb_aarch64 nova_utcb_arch;
#define NOVA_UTCB_ARCH_SIZE NOVA_A64_UTCB_ARCH_SIZE
#define NOVA_HST_ARCH_MIN NOVA_A64_EC_COUNT        /* classes 0..0x3F */
#define NOVA_GST_ARCH_MIN NOVA_A64_EC_COUNT
#define NOVA_HST_NOVA_MIN 2u                       /* STARTUP, RECALL */
#define NOVA_GST_NOVA_MIN 3u                       /* + VTIMER */
#else
#error "NOVA ABI: unsupported architecture"
#endif

_Static_assert(sizeof(nova_utcb_arch) == NOVA_UTCB_ARCH_SIZE, "architectural UTCB");
_Static_assert(NOVA_UTCB_ARCH_SIZE <= 4096, "architectural UTCB fits the page");
