/* The FDT structure-block walk: every token, length and name is checked
 * against the block bounds before a visitor sees it. */
#include "fdt_blob.h"
#include <string.h>

boot_error fdt_walk(const struct blob *b, const struct visitor *v, void *ctx)
{
    const uint8_t *s = b->st;
    uint32_t off = 0, end = b->st_size;
    unsigned depth = 0;
    bool root_seen = false, has_child[FDT_MAX_DEPTH + 1] = {false};
    boot_error err = 0;
    for (;;) {
        if (end - off < 4)
            return "structure block ends without FDT_END";
        uint32_t tok = be32(s + off);
        off += 4;
        switch (tok) {
        case FDT_NOP:
            continue;
        case FDT_BEGIN_NODE: {
            const char *name = (const char *)s + off;
            const char *nul = memchr(name, 0, end - off);
            if (!nul)
                return "node name runs past the structure block";
            uint32_t adv = ((uint32_t)(nul - name) + 4) & ~3u;
            if (adv > end - off)
                return "node name padding runs past the structure block";
            if (depth == 0 && root_seen)
                return "more than one root node";
            if (depth == FDT_MAX_DEPTH)
                return "nodes nested too deeply";
            if (depth == 0 && *name)
                return "root node has a name";
            has_child[depth] = true;
            has_child[++depth] = false;
            root_seen = true;
            off += adv;
            if (v->node && (err = v->node(ctx, depth, name)))
                return err;
            continue;
        }
        case FDT_END_NODE:
            if (!depth)
                return "FDT_END_NODE without a node";
            if (v->end && (err = v->end(ctx, depth)))
                return err;
            depth--;
            continue;
        case FDT_PROP: {
            if (end - off < 8)
                return "property header runs past the structure block";
            uint32_t len = be32(s + off), nameoff = be32(s + off + 4);
            off += 8;
            if (!depth)
                return "property outside any node";
            if (has_child[depth])
                return "property after a subnode";
            if (len > end - off || ((len + 3) & ~3u) > end - off)
                return "property value runs past the structure block";
            if (nameoff >= b->str_size)
                return "property name offset outside the strings block";
            const char *pname = b->str + nameoff;
            if (!memchr(pname, 0, b->str_size - nameoff))
                return "property name not terminated in the strings block";
            if (v->prop && (err = v->prop(ctx, depth, pname, s + off, len)))
                return err;
            off += (len + 3) & ~3u;
            continue;
        }
        case FDT_END:
            if (depth)
                return "FDT_END inside an open node";
            if (!root_seen)
                return "no root node";
            return 0;
        default:
            return "unknown token in the structure block";
        }
    }
}
