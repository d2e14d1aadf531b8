/* Protection domains: the unit of spatial isolation, owning its spaces
 * and a kernel-memory quota everything it owns is charged to. */
#pragma once
#include "kobj.h"
#include "quota.h"
#include "space.h"

struct pd {
    struct kobj hdr;
    struct space_obj *obj;
    struct space_hst *hst;
    struct space_pio *pio;          /* the host PIO space: the first one created */
    struct quota quota;
};

/* The kernel's own PD (owner of the NOVA spaces) and the root PD. */
extern struct pd *nova_pd, *root_pd;

/* Kernel memory a new PD may use, taken from its creator's quota. */
#define PD_QUOTA_DEFAULT (512u * 1024)

/* A new PD charged to owner; its own quota is carved from owner's. */
struct pd *pd_create(struct pd *owner, uint64_t quota_bytes);
/* Attaches a new space of type t to pd (create_pd OP >= 1). */
enum status pd_attach(struct pd *pd, struct kobj *space);
