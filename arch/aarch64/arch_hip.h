/* aarch64 values of the HIP (interface §5.7 impl. notes). */
#pragma once

#define ARCH_HIP_LENGTH 0x88
#define ARCH_SEL_HST_ARCH 64
#define ARCH_SEL_GST_ARCH 64
#define ARCH_SEL_GST_NOVA 3
