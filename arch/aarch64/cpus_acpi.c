/* The CPUs and PSCI as ACPI describes them: every enabled GICC structure's
 * MPIDR, and the FADT's Arm boot flags (PSCI compliant; HVC or SMC). */
#include "acpi_setup.h"

#define PSCI_CPU_ON_64 0xc4000003u      /* PSCI 0.2+ CPU_ON, SMC64 */

bool cpus_from_acpi(struct smp_cpus *out)
{
    const struct acpi_arm *t = acpi_tables();
    *out = (struct smp_cpus){0};
    if (!t)
        return false;
    for (unsigned i = 0; i < t->cpus && out->count < SMP_DT_MAX; i++)
        out->mpidr[out->count++] = t->cpu[i].mpidr;
    out->psci_found = t->has_fadt;      /* then its flags decide, "no PSCI" included */
    out->psci_smc = t->psci && !t->psci_hvc;
    out->cpu_on_fn = PSCI_CPU_ON_64;
    return out->count > 0;
}
