/* The NOVA interface (2024) as C: everything user code needs to talk to
 * the kernel. Freestanding; no code beyond small inline helpers. */
#pragma once
#include "nova/arch.h"
#include "nova/ctrl_hw.h"
#include "nova/dad.h"
#include "nova/event.h"
#include "nova/hip.h"
#include "nova/hypercall.h"
#include "nova/mad.h"
#include "nova/mbuf.h"
#include "nova/mtd.h"
#include "nova/pack.h"
#include "nova/perm.h"
#include "nova/root.h"
#include "nova/scd.h"
#include "nova/selectors.h"
#include "nova/status.h"
#include "nova/utcb.h"
