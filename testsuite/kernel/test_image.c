/* Linked only into test images: run the probes at every boot. */
#include "probe.h"

const bool probes_at_boot = true;
