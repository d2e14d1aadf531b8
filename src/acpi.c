/* ACPI: RSDP, RSDT/XSDT, table lookup and the x86 MADT. Firmware data is not trusted: every
 * pointer is read through the phys_reader with its length, signatures and
 * checksums are verified, and MADT entries must lie inside the table. */
#include "acpi.h"
#include <string.h>

enum { SDT_HEADER = 36, RSDP_V1 = 20, RSDP_V2 = 36, MADT_FIXED = SDT_HEADER + 8 };

static uint8_t sum(const uint8_t *p, uint64_t len)
{
    uint8_t s = 0;
    while (len--)
        s = (uint8_t)(s + *p++);
    return s;
}

static uint32_t le32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t le64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static bool rsdp_at(const uint8_t *p)
{
    return !memcmp(p, "RSD PTR ", 8) && !sum(p, RSDP_V1);
}

uint64_t acpi_find_rsdp(phys_reader *read)
{
    const uint8_t *bda = read(0x40E, 2);
    uint64_t ebda = bda ? (uint64_t)(bda[0] | bda[1] << 8) << 4 : 0;
    const uint64_t area[2][2] = {{ebda, ebda + 1024}, {0xE0000, 0x100000}};
    for (unsigned a = 0; a < 2; a++)
        for (uint64_t pa = area[a][0]; pa && pa + RSDP_V1 <= area[a][1]; pa += 16) {
            const uint8_t *p = read(pa, RSDP_V1);
            if (p && rsdp_at(p))
                return pa;
        }
    return 0;
}

/* A verified table header and body at pa: signature sig, length within
 * limits, checksum 0. */
static boot_error table(uint64_t pa, phys_reader *read, const char *sig, const uint8_t **out,
                        uint32_t *len)
{
    const uint8_t *h = read(pa, SDT_HEADER);
    if (!h)
        return "ACPI table outside accessible memory";
    if (sig && memcmp(h, sig, 4))
        return "ACPI table has an unexpected signature";
    uint32_t length = le32(h + 4);
    if (length < SDT_HEADER || length > (1u << 20))
        return "ACPI table has an implausible length";
    const uint8_t *t = read(pa, length);
    if (!t)
        return "ACPI table runs outside accessible memory";
    if (sum(t, length))
        return "ACPI table checksum is wrong";
    *out = t;
    *len = length;
    return 0;
}

static boot_error madt(const uint8_t *t, uint32_t len, struct acpi_info *ai)
{
    if (len < MADT_FIXED)
        return "ACPI MADT is truncated";
    ai->lapic_addr = le32(t + SDT_HEADER);
    for (uint32_t off = MADT_FIXED; off < len;) {
        if (len - off < 2 || t[off + 1] < 2 || t[off + 1] > len - off)
            return "ACPI MADT entry runs past the table";
        const uint8_t *e = t + off, type = e[0], elen = e[1];
        if (type == 0 && elen >= 8 && (le32(e + 4) & 3) && ai->cpus < ACPI_MAX_CPUS)
            ai->apic_id[ai->cpus++] = e[3];            /* enabled or online-capable LAPIC */
        else if (type == 9 && elen >= 16 && (le32(e + 8) & 3) && ai->cpus < ACPI_MAX_CPUS)
            ai->apic_id[ai->cpus++] = le32(e + 4);     /* x2APIC */
        else if (type == 1 && elen >= 12 && ai->ioapics < ACPI_MAX_IOAPICS)
            ai->ioapic[ai->ioapics++] = (struct acpi_ioapic){le32(e + 4), le32(e + 8), e[2]};
        else if (type == 2 && elen >= 10 && ai->overrides < ACPI_MAX_OVERRIDES)
            ai->override[ai->overrides++] = (struct acpi_override){e[3], le32(e + 4),
                                                                   (uint16_t)(e[8] | e[9] << 8)};
        else if (type == 5 && elen >= 12)
            ai->lapic_addr = le64(e + 4);
        else if ((type == 0 && elen < 8) || (type == 1 && elen < 12) || (type == 2 && elen < 10))
            return "ACPI MADT entry is shorter than its type";
        off += elen;
    }
    if (!ai->cpus)
        return "ACPI MADT lists no usable CPU";
    return 0;
}

boot_error acpi_table(uint64_t rsdp, phys_reader *read, const char *sig, const uint8_t **out,
                      uint32_t *out_len)
{
    *out = 0;
    *out_len = 0;
    const uint8_t *r = read(rsdp, RSDP_V1);
    if (!r || !rsdp_at(r))
        return "ACPI RSDP is missing or its checksum is wrong";
    uint64_t root = le32(r + 16);
    unsigned width = 4;
    const char *root_sig = "RSDT";
    if (r[15] >= 2) {                                   /* ACPI 2.0+: XSDT */
        const uint8_t *r2 = read(rsdp, RSDP_V2);
        if (!r2 || sum(r2, RSDP_V2))
            return "ACPI RSDP extended checksum is wrong";
        if (le64(r2 + 24)) {
            root = le64(r2 + 24);
            width = 8;
            root_sig = "XSDT";
        }
    }
    const uint8_t *t;
    uint32_t len;
    boot_error err = table(root, read, root_sig, &t, &len);
    if (err)
        return err;
    for (uint32_t off = SDT_HEADER; off + width <= len; off += width) {
        uint64_t pa = width == 8 ? le64(t + off) : le32(t + off);
        const uint8_t *h = read(pa, 4);
        if (h && !memcmp(h, sig, 4))                    /* unreadable entries are skipped */
            return table(pa, read, sig, out, out_len);
    }
    return 0;
}

boot_error acpi_parse(uint64_t rsdp, phys_reader *read, struct acpi_info *ai)
{
    *ai = (struct acpi_info){.rsdp = rsdp};
    const uint8_t *m;
    uint32_t mlen;
    boot_error err = acpi_table(rsdp, read, "APIC", &m, &mlen);
    if (err)
        return err;
    if (!m)
        return "ACPI has no MADT";
    return madt(m, mlen, ai);
}

uint32_t acpi_isa_gsi(const struct acpi_info *ai, uint8_t irq, uint16_t *flags)
{
    for (unsigned i = 0; i < ai->overrides; i++)
        if (ai->override[i].irq == irq) {
            *flags = ai->override[i].flags;
            return ai->override[i].gsi;
        }
    *flags = 0;                                         /* ISA default: edge, high */
    return irq;
}
