/* The DTB as the arch's own scans read it (gic_dt.c, cpus_dt.c): the blob
 * fdt_parse() validated, walked with src/fdt_walk.c's bounded walk. */
#pragma once
#include <stdbool.h>
#include "../../src/fdt_blob.h"

struct bootinfo;
/* The loader's DTB; false without one. */
bool dt_blob(const struct bootinfo *bi, struct blob *b);
