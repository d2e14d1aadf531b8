/* ACPI DMAR: remapping hardware units and the I/O APIC/HPET scopes
 * (Intel VT-d specification, chapter 8). Other structures (reserved
 * memory, ATS, proximity, namespace devices) are stepped over after their
 * length is checked. */
#include "acpi.h"
#include "acpi_dmar.h"
#include <string.h>

enum { SDT_HEADER = 36, DMAR_FIXED = 48, STRUCT_HEADER = 4, DRHD_FIXED = 16, SCOPE_FIXED = 6 };
enum { TYPE_DRHD = 0 };

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint64_t le64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

/* One device scope of unit `unit` at s (len bytes left in the unit). Only
 * I/O APIC and HPET scopes are kept; a path through a bridge needs the
 * bridge's bus numbers, so such a source is left out (its interrupts are
 * then not checked by source). */
static boot_error scope(const uint8_t *s, uint32_t len, unsigned unit, struct acpi_dmar *d,
                        uint32_t *used)
{
    if (len < SCOPE_FIXED || s[1] < SCOPE_FIXED || s[1] > len)
        return "ACPI DMAR device scope runs past its unit";
    if ((s[1] - SCOPE_FIXED) % 2)
        return "ACPI DMAR device scope has a partial path entry";
    if (s[1] == SCOPE_FIXED)
        return "ACPI DMAR device scope has no path";
    *used = s[1];
    if (s[0] != DMAR_SCOPE_IOAPIC && s[0] != DMAR_SCOPE_HPET)
        return 0;
    if (s[1] != SCOPE_FIXED + 2)
        return 0;
    if (d->sources == ACPI_DMAR_MAX_SOURCES)
        return "ACPI DMAR names more I/O APICs and HPETs than the kernel keeps";
    uint8_t dev = s[6], fn = s[7];
    if (dev > 31 || fn > 7)
        return "ACPI DMAR device scope path is no PCI device and function";
    d->source[d->sources++] = (struct acpi_dmar_source){
        .type = s[0], .id = s[4], .unit = (uint8_t)unit,
        .sid = (uint16_t)(s[5] << 8 | dev << 3 | fn)};
    return 0;
}

static boot_error drhd(const uint8_t *e, uint16_t len, struct acpi_dmar *d)
{
    if (len < DRHD_FIXED)
        return "ACPI DMAR unit is shorter than its type";
    if (d->units == ACPI_DMAR_MAX_UNITS)
        return "ACPI DMAR lists more remapping units than the kernel keeps";
    uint64_t base = le64(e + 8);
    if (!base || base % 4096)
        return "ACPI DMAR unit registers are not page-aligned";
    unsigned size = e[5] & 0xF;                         /* 2^N pages (VT-d 2.x: 0) */
    if (base + ((uint64_t)4096 << size) < base)
        return "ACPI DMAR unit registers wrap around";
    unsigned unit = d->units++;
    d->drhd[unit] = (struct acpi_drhd){.base = base, .pages = 1u << size,
                                       .segment = le16(e + 6), .flags = e[4]};
    for (uint32_t off = DRHD_FIXED, used = 0; off < len; off += used) {
        boot_error err = scope(e + off, len - off, unit, d, &used);
        if (err)
            return err;
    }
    return 0;
}

boot_error acpi_dmar_parse(uint64_t rsdp, phys_reader *read, struct acpi_dmar *d)
{
    *d = (struct acpi_dmar){0};
    const uint8_t *t;
    uint32_t len;
    boot_error err = acpi_table(rsdp, read, "DMAR", &t, &len);
    if (err || !t)
        return err;
    if (len < DMAR_FIXED)
        return "ACPI DMAR is truncated";
    d->present = true;
    d->haw = t[SDT_HEADER];
    d->flags = t[SDT_HEADER + 1];
    for (uint32_t off = DMAR_FIXED; off < len;) {
        uint16_t elen = len - off < STRUCT_HEADER ? 0 : le16(t + off + 2);
        if (elen < STRUCT_HEADER || elen > len - off)
            return "ACPI DMAR structure runs past the table";
        if (le16(t + off) == TYPE_DRHD && (err = drhd(t + off, elen, d)))
            return err;
        off += elen;
    }
    if (!d->units)
        return "ACPI DMAR lists no remapping unit";
    return 0;
}

bool acpi_dmar_source_id(const struct acpi_dmar *d, uint8_t type, uint8_t id, uint16_t *sid)
{
    for (unsigned i = 0; i < d->sources; i++)
        if (d->source[i].type == type && d->source[i].id == id) {
            *sid = d->source[i].sid;
            return true;
        }
    return false;
}
