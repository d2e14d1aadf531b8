/* The kernel lock's state (see kernel_lock.h). */
#include "kernel_lock.h"

struct kernel_lock big_lock;
bool kernel_lock_enabled;
