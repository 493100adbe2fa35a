#include "util/shingle.h"
#include "util/alloc.h"
#include "util/hash.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* The letters of S, folded to one case, in *OUT; how many are Han. */
static size_t letters_of(const char *s, uint32_t **out, size_t *n_han)
{
    size_t n = strlen(s), i = 0, k = 0;
    uint32_t *v = xmalloc((n + 1) * sizeof *v);
    *n_han = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        if (c >= 0xFF10 && c <= 0xFF5A)   /* full-width digits and letters */
            c -= 0xFEE0;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (cp_is_han(c) || cp_is_kana(c))
            (*n_han)++;
        else if (!cp_is_latin(c))
            continue;
        v[k++] = c;
    }
    *out = v;
    return k;
}

static uint32_t run_hash(const uint32_t *v, size_t len)
{
    uint32_t h = hash_fnv1a(HASH_FNV1A_START, v, len * sizeof *v);
    return h ? h : 1;   /* 0 marks an empty slot */
}

double shingle_share(const char *part, const char *whole)
{
    uint32_t *p, *w;
    size_t han, whole_han;
    size_t np = letters_of(part, &p, &han);
    size_t nw = letters_of(whole, &w, &whole_han);
    size_t run = han * 2 >= np ? 5 : 12;
    double share = 0;
    if (np >= run && nw >= run) {
        size_t cap = 16;
        while (cap < 2 * (nw - run + 1))
            cap *= 2;
        uint32_t *set = xcalloc(cap, sizeof *set);
        for (size_t i = 0; i + run <= nw; i++) {
            uint32_t h = run_hash(w + i, run);
            size_t at = h & (cap - 1);
            while (set[at] && set[at] != h)
                at = (at + 1) & (cap - 1);
            set[at] = h;
        }
        size_t found = 0, total = np - run + 1;
        for (size_t i = 0; i < total; i++) {
            uint32_t h = run_hash(p + i, run);
            size_t at = h & (cap - 1);
            while (set[at] && set[at] != h)
                at = (at + 1) & (cap - 1);
            found += set[at] == h;
        }
        share = (double)found / (double)total;
        free(set);
    }
    free(p);
    free(w);
    return share;
}
