/* Creating the kernel's own spaces and the root PD (interface §5.5,
 * §5.6), then running the root EC. */
#pragma once
#include <stdint.h>
#include "bootinfo.h"

_Noreturn void root_launch(const struct bootinfo *bi);
