/* x86_64 values of the HIP (interface §5.7 impl. notes). */
#pragma once

#define ARCH_HIP_LENGTH 0x90
#define ARCH_SEL_HST_ARCH 32
#define ARCH_SEL_GST_ARCH 256
#define ARCH_SEL_GST_NOVA 2
