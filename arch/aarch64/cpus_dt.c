/* The CPUs and PSCI as the DTB describes them: every /cpus child with
 * device_type "cpu" (not disabled, enable-method psci or none) by its reg
 * (MPIDR affinity: one cell Aff2..Aff0, two cells Aff3 too), and /psci's
 * method and, for PSCI 0.1, its cpu_on function. Without them, the board
 * data (smp.c). */
#include "smp.h"
#include "bootinfo.h"
#include "dt.h"

#define PSCI_CPU_ON_64 0xc4000003u      /* PSCI 0.2+ CPU_ON, SMC64 */

struct cpu_node {
    const uint8_t *reg, *type, *status, *method;
    uint32_t reg_len, type_len, status_len, method_len;
};

struct scan {
    const char *name[FDT_MAX_DEPTH + 1];
    unsigned cpus_ac;                   /* /cpus #address-cells */
    struct cpu_node cpu;                /* the /cpus child being read */
    struct smp_cpus *out;
};

static bool is(const uint8_t *v, uint32_t len, const char *want)
{
    return prop_is_string(v, len) && !strcmp((const char *)v, want);
}

static bool in_cpus(const struct scan *s, unsigned depth)
{
    return depth == 3 && !strcmp(s->name[2], "cpus");
}

static boot_error on_node(void *ctx, unsigned depth, const char *name)
{
    struct scan *s = ctx;
    s->name[depth] = name;
    if (depth == 2 && !strcmp(name, "cpus"))
        s->cpus_ac = 1;
    if (in_cpus(s, depth))
        s->cpu = (struct cpu_node){0};
    return 0;
}

static void psci_prop(struct smp_cpus *o, const char *name, const uint8_t *val, uint32_t len)
{
    if (!strcmp(name, "compatible") && len >= 9 && !memcmp(val, "arm,psci", 8)) {
        o->psci_found = true;
        if (!o->cpu_on_fn)
            o->cpu_on_fn = PSCI_CPU_ON_64;
    } else if (!strcmp(name, "method")) {
        o->psci_smc = is(val, len, "smc");
    } else if (!strcmp(name, "cpu_on") && len == 4) {
        o->cpu_on_fn = be32(val);       /* PSCI 0.1: the firmware's own ID */
    }
}

static boot_error on_prop(void *ctx, unsigned depth, const char *name, const uint8_t *val,
                          uint32_t len)
{
    struct scan *s = ctx;
    struct cpu_node *c = &s->cpu;
    if (depth == 2 && !strcmp(s->name[2], "psci"))
        psci_prop(s->out, name, val, len);
    else if (depth == 2 && !strcmp(s->name[2], "cpus") && !strcmp(name, "#address-cells") &&
             len == 4)
        s->cpus_ac = be32(val);
    else if (!in_cpus(s, depth))
        return 0;
    else if (!strcmp(name, "reg")) {
        c->reg = val;
        c->reg_len = len;
    } else if (!strcmp(name, "device_type")) {
        c->type = val;
        c->type_len = len;
    } else if (!strcmp(name, "status")) {
        c->status = val;
        c->status_len = len;
    } else if (!strcmp(name, "enable-method")) {
        c->method = val;
        c->method_len = len;
    }
    return 0;
}

static boot_error on_end(void *ctx, unsigned depth)
{
    struct scan *s = ctx;
    const struct cpu_node *c = &s->cpu;
    struct smp_cpus *o = s->out;
    if (!in_cpus(s, depth) || !is(c->type, c->type_len, "cpu"))
        return 0;
    if ((c->status && is(c->status, c->status_len, "disabled")) ||
        (c->method && !is(c->method, c->method_len, "psci")))
        return 0;                       /* off for good, or spin-table */
    if (s->cpus_ac < 1 || s->cpus_ac > 2 || c->reg_len < 4 * s->cpus_ac)
        return 0;
    if (o->count < SMP_DT_MAX)
        o->mpidr[o->count++] = cells(c->reg, s->cpus_ac) & MPIDR_AFF;
    return 0;
}

bool cpus_from_dt(const struct bootinfo *bi, struct smp_cpus *out)
{
    static const struct visitor v = {on_node, on_prop, on_end};
    struct scan s = {.out = out};
    struct blob b;
    *out = (struct smp_cpus){0};
    if (!dt_blob(bi, &b) || fdt_walk(&b, &v, &s))
        return false;
    return out->count > 0;
}
