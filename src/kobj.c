/* Reference counting of kernel objects. */
#include "kobj.h"

void kobj_put(struct kobj *o)
{
    if (--o->refs == 0 && o->destroy)
        o->destroy(o);
}
