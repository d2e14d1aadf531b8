/* VT-d interrupt remapping (VT-d specification chapter 5, 9.9 and 9.10).
 * One table of 256 entries, shared by every unit, indexed like the
 * interrupt semaphores (GSIs, then MSIs). Compatibility-format interrupts
 * stay blocked (GCMD.CFI clear): otherwise any device could bypass the
 * source check with an old-style MSI, so the I/O APIC's pins are remapped
 * too (ioapic.c writes remappable RTEs). The APIC runs in xAPIC mode
 * (IRTA.EIME clear): destinations are 8-bit APIC IDs. */
#include "vtd_ir.h"
#include "console.h"
#include "kmem.h"
#include "layout.h"
#include "panic.h"
#include "pd.h"
#include "vtd.h"

enum { ENTRIES = 256, IRTA_SIZE_256 = 7 };
enum { IRTE_P = 1u << 0, IRTE_TM_LEVEL = 1u << 4, IRTE_VECTOR = 16, IRTE_DST_XAPIC = 40 };
enum { IRTE_SVT_ALL = 1u << 18 };      /* SQ = 0: all 16 bits of the source ID compared */
enum { MSI_FORMAT_REMAP = 1u << 4, MSI_SHV = 1u << 3, MSI_HANDLE_15 = 1u << 2 };

struct acpi_dmar acpi_dmar;

static struct vtd_unit units[ACPI_DMAR_MAX_UNITS];
static unsigned unit_count;
static volatile uint64_t *irt;
static uint64_t irt_phys;
static bool active, flush_lines;      /* flush_lines: some unit does not snoop the table */

bool vtd_ir_active(void) { return active; }

bool vtd_phys_protected(uint64_t pa)
{
    for (unsigned i = 0; i < acpi_dmar.units; i++)
        if (pa - acpi_dmar.drhd[i].base < (uint64_t)acpi_dmar.drhd[i].pages * 4096)
            return true;
    return false;
}

int vtd_ir_ioapic_sid(uint8_t id)
{
    uint16_t sid;
    return acpi_dmar_source_id(&acpi_dmar, DMAR_SCOPE_IOAPIC, id, &sid) ? sid : -1;
}

uint32_t vtd_ir_msi_addr(unsigned index)
{
    return 0xFEE00000u | (index & 0x7FFF) << 5 | MSI_FORMAT_REMAP | MSI_SHV |
           (index >> 15 & 1 ? MSI_HANDLE_15 : 0);
}

/* Why the units cannot remap interrupts, or NULL. */
static const char *unusable(void)
{
    if (!(acpi_dmar.flags & DMAR_INTR_REMAP))
        return "the DMAR does not offer interrupt remapping";
    for (unsigned i = 0; i < acpi_dmar.units; i++) {
        const struct acpi_drhd *h = &acpi_dmar.drhd[i];
        if (h->base + (uint64_t)h->pages * 4096 > DIRECT_MAP_SIZE)
            return "a unit's registers lie outside the direct map";
        struct vtd_unit u = {.base = h->base,
                             .regs = (volatile uint8_t *)(uintptr_t)(DIRECT_MAP_BASE + h->base)};
        uint64_t ecap = vtd_read64(&u, VTD_ECAP);
        if (!(ecap & VTD_ECAP_IR))
            return "a unit has no interrupt remapping (ECAP.IR)";
        if (!(ecap & VTD_ECAP_QI))
            return "a unit has no invalidation queue (ECAP.QI)";
        if (!(ecap & VTD_ECAP_C))
            flush_lines = true;
        units[i] = u;
    }
    return 0;
}

static void unit_enable(struct vtd_unit *u)
{
    uint32_t gsts = vtd_read32(u, VTD_GSTS);
    if (gsts & VTD_CMD_IRE)                             /* left on by firmware: our table */
        vtd_command(u, VTD_CMD_IRE, false, "turn interrupt remapping off");
    if (gsts & VTD_CMD_QIE)
        vtd_command(u, VTD_CMD_QIE, false, "turn its invalidation queue off");
    if (!vtd_qi_init(u))
        panic("vtd: out of kernel memory for the invalidation queue");
    vtd_write64(u, VTD_IRTA, irt_phys | IRTA_SIZE_256);
    vtd_command(u, VTD_CMD_SIRTP, true, "take the interrupt remapping table");
    vtd_qi_flush_irte(u, -1);
    if (gsts & VTD_CMD_CFI)
        vtd_command(u, VTD_CMD_CFI, false, "block compatibility-format interrupts");
    vtd_command(u, VTD_CMD_IRE, true, "turn interrupt remapping on");
}

void vtd_ir_init(void)
{
    if (!acpi_dmar.present)
        return;
    const char *why = unusable();
    uint64_t *table = why ? 0 : kmem_alloc(&nova_pd->quota, 0);
    if (!why && !table)
        why = "no kernel memory for the remapping table";
    if (why) {
        kprintf("vtd: %u unit(s), first at 0x%lx: %s; MSI sources are not checked\n",
                acpi_dmar.units, (unsigned long)acpi_dmar.drhd[0].base, why);
        return;
    }
    _Static_assert(ENTRIES * 16 == 4096, "the remapping table is one frame");
    irt = table;
    irt_phys = kmem_phys(table);
    unit_count = acpi_dmar.units;
    for (unsigned i = 0; i < unit_count; i++)
        unit_enable(&units[i]);
    active = true;
    unsigned ioapics = 0;
    for (unsigned i = 0; i < acpi_dmar.sources; i++)
        ioapics += acpi_dmar.source[i].type == DMAR_SCOPE_IOAPIC;
    kprintf("vtd: %u unit(s), first at 0x%lx (version %u.%u): interrupt remapping on, %u entries, "
            "MSIs checked by source ID, I/O APIC pins remapped (%u I/O APIC source ID(s))\n",
            unit_count, (unsigned long)units[0].base, vtd_read32(&units[0], VTD_VER) >> 4 & 0xF,
            vtd_read32(&units[0], VTD_VER) & 0xF, ENTRIES, ioapics);
}

void vtd_ir_route(unsigned index, uint32_t apic_id, uint8_t vector, bool level, bool masked,
                  int sid)
{
    if (!active || index >= ENTRIES)
        panic("vtd: no remapping entry %u", index);
    uint64_t lo = IRTE_P | (level ? IRTE_TM_LEVEL : 0) | (uint64_t)vector << IRTE_VECTOR |
                  (uint64_t)(apic_id & 0xFF) << IRTE_DST_XAPIC;
    uint64_t hi = sid < 0 ? 0 : IRTE_SVT_ALL | (uint64_t)(uint16_t)sid;
    volatile uint64_t *e = &irt[2 * index];
    e[0] = 0;                       /* not present while the halves disagree */
    e[1] = hi;
    e[0] = masked ? 0 : lo;
    if (flush_lines)
        __asm__ volatile("clflush %0" : "+m"(*(volatile uint8_t *)e));
    for (unsigned i = 0; i < unit_count; i++)
        vtd_qi_flush_irte(&units[i], (int)index);
}
