/* What zhpunct never touches: URLs, from their scheme or "www." on, and
 * e-mail addresses. Their characters are frozen before any rule runs. */
#include "zhpunct/zhpunct_int.h"
#include "util/utf8.h"

static void zp_freeze(zp_run *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        r->c[i].flags |= ZF_FROZEN;
}

/* A URL runs from its scheme (or "www.") to the first space or non-ASCII
 * character, less the sentence punctuation that ends it, as linkifiers read
 * it. Its own marks ("?", ":", "(") are part of it. */
static size_t zp_url_end(const zp_run *r, size_t k)
{
    size_t end = k;
    bool iri = false;
    for (; end < r->n && r->c[end].cp > 0x20 && r->c[end].cp != 0x7F; end++) {
        uint32_t cp = r->c[end].cp;
        /* Han belongs to the URL only where a URL part starts ("://例子.cn",
         * "/路径", "?q=中"): Han glued after "a.html" is the sentence. */
        if (cp >= 0x80 && !(zp_is_han(cp) && (iri || zp_in(r->c[end - 1].cp, "/?=&#.:"))))
            break;
        iri = iri || cp >= 0x80;
    }
    int depth = 0;
    for (size_t i = k; i < end; i++)
        depth += r->c[i].cp == '(' ? 1 : r->c[i].cp == ')' ? -1 : 0;
    while (end > k) {
        uint32_t cp = r->c[end - 1].cp;
        if (cp == ')' && depth < 0)
            depth++;
        else if (!zp_in(cp, ",;:!?."))
            break;
        end--;
    }
    return end;
}

static bool zp_match(const zp_run *r, size_t i, const char *s)
{
    for (; *s; s++, i++)
        if (i >= r->n || r->c[i].cp != (unsigned char)*s)
            return false;
    return true;
}

void zp_protect(zp_run *r)
{
    for (size_t i = 0; i < r->n; i++) {
        bool word_start = i == 0 || !cp_is_ascii_alnum(r->c[i - 1].cp);
        if (zp_match(r, i, "://") && i > 0 && cp_is_ascii_alnum(r->c[i - 1].cp)) {
            size_t start = i;
            while (start > 0 && (cp_is_ascii_alnum(r->c[start - 1].cp) || zp_in(r->c[start - 1].cp, "+-.")))
                start--;
            size_t end = zp_url_end(r, i);
            zp_freeze(r, start, end);
            i = end;
        } else if (word_start && (zp_match(r, i, "www.") || zp_match(r, i, "WWW."))) {
            size_t end = zp_url_end(r, i);
            zp_freeze(r, i, end);
            i = end;
        } else if (r->c[i].cp == '@') {
            size_t start = i, end = i + 1;
            while (start > 0 && (cp_is_ascii_alnum(r->c[start - 1].cp) || zp_in(r->c[start - 1].cp, "._%+-")))
                start--;
            while (end < r->n && (cp_is_ascii_alnum(r->c[end].cp) || zp_in(r->c[end].cp, ".-")))
                end++;
            if (start < i && end > i + 1)
                zp_freeze(r, start, end);
        }
    }
}
