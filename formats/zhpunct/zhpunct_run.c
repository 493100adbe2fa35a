/* A run of text as zhpunct decides it: every character decoded, with the
 * bytes it came from, so that whatever is not converted goes back into its
 * text node byte for byte. */
#include "zhpunct/zhpunct_int.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

void zp_add(zp_run *r, const char *text, xmlNodePtr node, bool frozen)
{
    ALLOC_GROW(r->src, r->nsrc + 1, r->srccap);
    r->src[r->nsrc] = (zp_src){ text, node, r->n };
    /* A byte that begins no character stands for itself as U+FFFD, which
     * no rule treats as CJK, and is copied back as it was. */
    for (size_t off = 0, n = strlen(text); off < n;) {
        ALLOC_GROW(r->c, r->n + 1, r->cap);
        zp_char *ch = &r->c[r->n++];
        int len;
        ch->cp = utf8_decode(text + off, n - off, &len);
        ch->len = (unsigned char)len;
        ch->out = ch->cp;
        ch->off = off;
        ch->flags = frozen ? ZF_FROZEN : 0;
        off += ch->len;
    }
    r->nsrc++;
}

/* The converted bytes of source S, or NULL when nothing in it changed. */
char *zp_rebuild(const zp_run *r, size_t s)
{
    size_t first = r->src[s].first, end = s + 1 < r->nsrc ? r->src[s + 1].first : r->n;
    bool changed = false;
    for (size_t i = first; i < end && !changed; i++)
        changed = r->c[i].flags & (ZF_CHANGED | ZF_DROPPED);
    if (!changed)
        return NULL;
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "");
    for (size_t i = first; i < end; i++) {
        const zp_char *ch = &r->c[i];
        if (ch->flags & ZF_DROPPED)
            continue;
        if (ch->flags & ZF_CHANGED)
            utf8_encode(&b, ch->out);
        else
            buf_add(&b, r->src[s].text + ch->off, ch->len);
    }
    return buf_detach(&b);
}

void zp_reset(zp_run *r)
{
    r->n = 0;
    r->nsrc = 0;
}

void zp_release(zp_run *r)
{
    free(r->c);
    free(r->src);
}
