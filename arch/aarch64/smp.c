/* Secondary CPUs: PSCI CPU_ON of each CPU the DTB (else the board data)
 * lists, one at a time. A CPU starts at secondary_entry (head.S) at EL2
 * with the MMU off, loads the boot CPU's EL2 translation state from its
 * struct ap_start, and continues on its own stack (its cpu_block) in
 * aarch64_secondary_main: GIC CPU interface, EL2 timer and reschedule
 * SGI, then it waits until the boot CPU runs its first EC and idles in
 * the scheduler under the kernel lock, as every CPU does. */
#include "smp.h"
#include "acpi_setup.h"
#include "aarch64.h"
#include "arch.h"
#include "bootinfo.h"
#include "console.h"
#include "gic.h"
#include "irq.h"
#include "kernel_lock.h"
#include "percpu.h"
#include "sched.h"
#include "sys_util.h"
#include "sysreg.h"

/* What secondary_entry reads with the MMU off (cleaned to the PoC). */
struct ap_start {
    uint64_t mair, tcr, ttbr0, sctlr, stack;
};
_Static_assert(sizeof(struct ap_start) == 40, "head.S offsets");
_Static_assert(__builtin_offsetof(struct cpu_block, local) == KSTACK_SIZE, "head.S: stack top");

#define PSCI_SUCCESS 0
#define PSCI_ALREADY_ON (-4)

extern const char secondary_entry[];
_Noreturn void aarch64_secondary_main(void);

struct cpu_block cpu_blocks[CPUS_MAX];
static struct ap_start ap;
static volatile bool online[CPUS_MAX];
static volatile bool released;

void aarch64_secondary_main(void)
{
    struct cpu_local *c = cpu_self();
    write_sysreg(hcr_el2, HCR_EL2_KERNEL);
    isb();
    gic_cpu_setup();
    timer_cpu_init();
    gic_enable(GIC_SGI_RESCHED, true);
    __atomic_store_n(&online[c->id], true, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&released, __ATOMIC_ACQUIRE))
        __asm__ volatile("wfe" ::: "memory");
    kernel_lock();
    sched_dispatch();                   /* idles until an SC of this CPU is ready */
}

void smp_release(void)
{
    __atomic_store_n(&released, true, __ATOMIC_RELEASE);
    dsb(ish);
    __asm__ volatile("sev" ::: "memory");
}

/* Writes [p, p+len) back to the PoC for a reader with the MMU off. */
static void clean_to_poc(const void *p, uint64_t len)
{
    uint64_t line = 4ull << ((read_sysreg(CTR_EL0) >> 16) & 0xf);
    for (uint64_t a = (uint64_t)(uintptr_t)p & ~(line - 1); a < (uint64_t)(uintptr_t)p + len;
         a += line)
        __asm__ volatile("dc cvac, %0" ::"r"(a) : "memory");
    dsb(sy);
}

static int64_t psci_cpu_on(uint32_t fn, uint64_t mpidr, uint64_t entry, uint64_t arg)
{
    uint64_t x[18] = {fn, mpidr, entry, arg};
    if (!smc_call(x))
        return -1;                      /* NOT_SUPPORTED: nobody answered */
    return (int64_t)x[0];
}

/* false when the CPU did not come up; *fatal when it may still run on
 * (its block must then not be given to another CPU). */
static bool start(unsigned cpu, uint64_t mpidr, uint32_t fn, bool *fatal)
{
    struct cpu_local *c = cpu_of(cpu);
    c->id = cpu;
    c->percpu = &percpu[cpu];
    c->mpidr = mpidr;
    ap = (struct ap_start){read_sysreg(mair_el2), read_sysreg(tcr_el2), read_sysreg(ttbr0_el2),
                           read_sysreg(sctlr_el2), (uint64_t)(uintptr_t)c};
    clean_to_poc(&ap, sizeof ap);
    int64_t r = psci_cpu_on(fn, mpidr, (uint64_t)(uintptr_t)secondary_entry,
                            (uint64_t)(uintptr_t)&ap);
    if (r != PSCI_SUCCESS) {
        kprintf("smp: CPU 0x%lx: PSCI CPU_ON returned %ld\n", (unsigned long)mpidr, (long)r);
        *fatal = r == PSCI_ALREADY_ON;
        return false;
    }
    uint64_t limit = counter_deadline(1000000);          /* 1 s */
    while (!__atomic_load_n(&online[cpu], __ATOMIC_ACQUIRE))
        if (counter_passed(limit)) {
            kprintf("smp: CPU 0x%lx started but never came online\n", (unsigned long)mpidr);
            *fatal = true;
            return false;
        }
    return true;
}

void smp_boot(const struct bootinfo *bi)
{
    static struct smp_cpus dt;          /* large for the boot stack */
    const char *source = "DTB";
    uint64_t self = read_sysreg(mpidr_el1) & MPIDR_AFF;
    cpu_of(0)->mpidr = self;
    online[0] = true;
    gic_enable(GIC_SGI_RESCHED, true);
    uint32_t fn = 0xc4000003u;          /* PSCI 0.2+ CPU_ON, SMC64 */
    bool smc = board.psci == PSCI_SMC;
    if (cpus_from_acpi(&dt) || cpus_from_dt(bi, &dt)) {
        source = acpi_tables() ? "ACPI" : "DTB";
        if (dt.psci_found) {
            smc = dt.psci_smc;
            fn = dt.cpu_on_fn;
        }
    } else {
        source = "board";
        dt.count = board.cpus.count < BOARD_CPUS_MAX ? board.cpus.count : BOARD_CPUS_MAX;
        for (unsigned i = 0; i < dt.count; i++)
            dt.mpidr[i] = board.cpus.mpidr[i];
    }
    unsigned n = 1;
    if (dt.count > 1 && !smc)           /* from EL2 only SMC reaches firmware */
        kprintf("smp: no PSCI over SMC: the other %u CPUs stay off\n", dt.count - 1);
    bool fatal = false;
    for (unsigned i = 0; smc && i < dt.count && n < CPUS_MAX && !fatal; i++)
        if (dt.mpidr[i] != self && start(n, dt.mpidr[i], fn, &fatal))
            n++;
    cpu_count = n;
    kprintf("smp: %u CPU%s online (%s list of %u)\n", n, n == 1 ? "" : "s", source, dt.count);
    if (n > 1) {                        /* the lock excludes only with company */
        kernel_lock_enabled = true;
        kernel_lock();                  /* held until the first exit to EL0 */
    }
}

void arch_ipi_reschedule(unsigned cpu)
{
    gic_sgi(GIC_SGI_RESCHED, cpu);
}
