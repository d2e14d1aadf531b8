/* aarch64 runs its boot CPU only (SMP bring-up through PSCI is pending):
 * CPU 0, no other CPU to interrupt, no kernel lock. */
#include "kernel_lock.h"
#include "percpu.h"

unsigned arch_cpu_id(void) { return 0; }

void arch_ipi_reschedule(unsigned cpu) { (void)cpu; }
