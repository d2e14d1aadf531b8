/* Secondary CPUs on aarch64 (smp.c, cpus_dt.c): PSCI CPU_ON of the CPUs
 * the DTB (else the board data) lists, and reschedule SGIs. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define MPIDR_AFF 0xff00ffffffull       /* Aff3, Aff2..Aff0 */
#define SMP_DT_MAX 64u                  /* CPUs read from the DTB */

struct smp_cpus {
    unsigned count;
    uint64_t mpidr[SMP_DT_MAX];
    bool psci_found, psci_smc;          /* /psci, with method "smc" */
    uint32_t cpu_on_fn;
};

struct bootinfo;
/* cpus_dt.c: false when the DTB lists no CPU. */
bool cpus_from_dt(const struct bootinfo *bi, struct smp_cpus *out);

/* Starts the other CPUs (each waits in smp_release's event) and sets
 * cpu_count; from 2 CPUs on, enables the kernel lock and takes it. */
void smp_boot(const struct bootinfo *bi);
/* The boot CPU runs its first EC: the others may enter the scheduler. */
void smp_release(void);
