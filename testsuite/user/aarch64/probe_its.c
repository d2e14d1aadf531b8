/* What only the GICv3 ITS limits (spec 4.17): assign_int's dev is its
 * DeviceID, of which it holds GITS_TYPER.Devbits bits. x86 has no such
 * limit (any 16-bit source ID fits a VT-d entry). */
#include "util.h"

/* A DeviceID the ITS cannot hold is BAD_DEV. With 16 DeviceID bits or
 * more (QEMU's ITS) every 16-bit dev is valid: nothing to test. */
static void bad_dev(struct nova_probe_ctx *ctx)
{
    if (!nova_rt.hip->int_msi)
        SKIP_RETURN(ctx, "no MSIs (INT_MSI = 0: no GICv3 ITS)");
    nova_sel sm = msi_sm(ctx, 3);       /* one the MSI probes leave alone */
    if (!sm)
        return;
    unsigned s = nova_assign_int(sm, NOVA_ASSIGN_INT_M, nova_rt.cpu, 0xFFFF, 0, 0);
    if (s == NOVA_SUCCESS)
        SKIP_RETURN(ctx, "the ITS takes every 16-bit DeviceID (GITS_TYPER.Devbits >= 16)");
    nova_expect_status(ctx, "assign_int with DeviceID 0xFFFF", s, NOVA_BAD_DEV);
}
NOVA_PROBE("assign_int.msi_bad_dev", bad_dev);
