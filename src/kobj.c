/* Reference counting of kernel objects. */
#include "kobj.h"

void kobj_destroy(struct kobj *o)
{
    if (o->destroy)
        o->destroy(o);
}
