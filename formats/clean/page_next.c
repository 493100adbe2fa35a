/* An article split over pages: its pager links the next page with 下一页,
 * "Next" and the like, or by its number. Such a link is also a list's pager, a "next article"
 * or a gallery's next picture, so the link counts only when its address is
 * this page's own with a page number added or raised: Content-12_2.html
 * beside Content-12.html, t2019_1.html beside t2019.html (TRS counts from
 * _1), ?page=2, /story/2/. The capture holds one page; saying where the
 * rest is keeps a batch's reader from taking a part for the whole. */
#include "clean/page.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <libxml/uri.h>
#include <string.h>
#include <strings.h>

enum { NEXT_NONE, NEXT_WORDS, NEXT_NUMBER };

/* What the link's words, arrows and brackets aside, say: "next page"
 * (NEXT_WORDS), a page's number from 2 on, "3" or "第3页" (NEXT_NUMBER), or
 * neither. */
static int next_words(xmlNodePtr a)
{
    static const char *const words[] = { "下一页", "下页", "下一頁", "下頁", "next", "next page", NULL };
    static const char *const marks[] = { ">", "»", "›", "→", "＞", "》", "[", "]", "【", "】", " ", NULL };
    buf_t t;
    buf_init(&t);
    page_text(a, &t);
    if (!t.len) {
        buf_free(&t);
        return NEXT_NONE;
    }
    const char *s = t.data, *e = t.data + t.len;
    for (bool cut = true; cut && s < e;) {
        cut = false;
        for (int i = 0; marks[i]; i++) {
            size_t n = strlen(marks[i]);
            if ((size_t)(e - s) >= n && !memcmp(s, marks[i], n))
                s += n, cut = true;
            if ((size_t)(e - s) >= n && !memcmp(e - n, marks[i], n))
                e -= n, cut = true;
        }
    }
    int kind = NEXT_NONE;
    for (int i = 0; words[i] && !kind; i++)
        if (strlen(words[i]) == (size_t)(e - s) && !strncasecmp(s, words[i], (size_t)(e - s)))
            kind = NEXT_WORDS;
    if ((size_t)(e - s) > 6 && !strncmp(s, "第", 3) && !strncmp(e - 3, "页", 3))
        s += 3, e -= 3;
    size_t digits = 0;
    while (s + digits < e && isdigit((unsigned char)s[digits]))
        digits++;
    if (!kind && digits && digits <= 3 && s + digits == e && strtol(s, NULL, 10) >= 2)
        kind = NEXT_NUMBER;
    buf_free(&t);
    return kind;
}

static void next_walk(xmlNodePtr n, page_next_links *out)
{
    for (xmlNodePtr c = n; c && out->n < (int)(sizeof out->href / sizeof *out->href); c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *href = xml_is(c, "a") ? xmlGetProp(c, (const xmlChar *)"href") : NULL;
        if (href && *href && strncasecmp((const char *)href, "javascript:", 11) && *href != '#') {
            /* numbers are many on a page (a calendar's days): half the
             * room is kept for words */
            int kind = next_words(c);
            if (kind == NEXT_NUMBER && out->numbered < 8)
                out->numbered++;
            else if (kind == NEXT_NUMBER || (kind == NEXT_WORDS && out->n - out->numbered >= 8))
                kind = NEXT_NONE;
            if (kind)
                out->href[out->n++] = xstrdup((const char *)href);
        }
        xmlFree(href);
        if (!href)
            next_walk(c->children, out);
    }
}

void page_next_collect(htmlDocPtr doc, page_next_links *out)
{
    memset(out, 0, sizeof *out);
    next_walk(doc ? doc->children : NULL, out);
}

void page_next_free(page_next_links *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->href[i]);
    memset(l, 0, sizeof *l);
}

/* A page number ending S[0..LEN): "_N", "-N" or "/N", N of 1 to 3 digits.
 * Returns N and the length before the separator in *STEM, or -1. */
static long next_trailing(const char *s, size_t len, size_t *stem, char *sep)
{
    size_t d = len;
    while (d && isdigit((unsigned char)s[d - 1]))
        d--;
    if (d == len || len - d > 3 || d < 2 || !strchr("_-/", s[d - 1]) || s[d - 2] == '/')
        return -1;
    *stem = d - 1;
    *sep = s[d - 1];
    return strtol(s + d, NULL, 10);
}

/* The part of PATH that names the page: without the extension (returned
 * in *EXT) or, with none, without trailing slashes. */
static size_t next_base(const char *path, const char **ext)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    *ext = dot ? dot : "";
    size_t n = dot ? (size_t)(dot - path) : strlen(path);
    while (!dot && n > 1 && path[n - 1] == '/')
        n--;
    return n;
}

/* Whether path P is page S's next: S with "_1", "_2", "/2" or "/page/2"
 * added, or S's own page number N raised to N+1, the extension kept. */
static bool next_path_continues(const char *s, const char *p)
{
    const char *sx, *px;
    size_t sl = next_base(s, &sx), pl = next_base(p, &px), ps, ss;
    char psep, ssep;
    long pn = next_trailing(p, pl, &ps, &psep);
    if (pn < 0 || strcasecmp(sx, px))
        return false;
    if (ps >= 5 && psep == '/' && !strncmp(p + ps - 5, "/page", 5) && ps - 5 == sl && !strncmp(s, p, sl))
        return pn == 2;
    if (ps == sl && !strncmp(s, p, sl) && (pn == 1 || pn == 2))
        return true;
    long sn = next_trailing(s, sl, &ss, &ssep);
    return sn >= 0 && ss == ps && ssep == psep && !strncmp(s, p, ss) && pn == sn + 1;
}

/* Q's '&'-separated fields that S lacks: exactly one, "key=N" with N one
 * more than S's value for the key, or 2 where S has no such key; S
 * has nothing Q lacks but that old value, and keeps a field. */
static bool next_query_continues(const char *s, const char *q)
{
    char sv[32][64], qv[32][64];
    int sn = 0, qn = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *t = pass ? q : s;
        char (*v)[64] = pass ? qv : sv;
        int *n = pass ? &qn : &sn;
        for (const char *f = t; f && *f;) {
            size_t len = strcspn(f, "&");
            if (*n == 32 || len >= 64)
                return false;
            memcpy(v[*n], f, len);
            v[(*n)++][len] = '\0';
            f += len + (f[len] == '&');
        }
    }
    int added = -1, dropped = -1;
    for (int i = 0; i < qn; i++) {
        bool in_s = false;
        for (int j = 0; j < sn && !in_s; j++)
            in_s = !strcmp(qv[i], sv[j]);
        if (!in_s && added >= 0)
            return false;
        if (!in_s)
            added = i;
    }
    for (int j = 0; j < sn; j++) {
        bool in_q = false;
        for (int i = 0; i < qn && !in_q; i++)
            in_q = !strcmp(qv[i], sv[j]);
        if (!in_q && dropped >= 0)
            return false;
        if (!in_q)
            dropped = j;
    }
    /* a field both share names the article: ?id=9 to ?id=10 is the next one */
    if (sn - (dropped >= 0) < 1)
        return false;
    const char *eq = added >= 0 ? strchr(qv[added], '=') : NULL;
    if (!eq || !eq[1] || strspn(eq + 1, "0123456789") != strlen(eq + 1) || strlen(eq + 1) > 3)
        return false;
    long n = strtol(eq + 1, NULL, 10);
    if (dropped < 0)   /* page=1 counting from 0 is as often a thread's pager */
        return n == 2;
    size_t key = (size_t)(eq - qv[added]) + 1;
    const char *old = sv[dropped] + key;
    return !strncmp(sv[dropped], qv[added], key) && *old && strspn(old, "0123456789") == strlen(old) &&
           n == strtol(old, NULL, 10) + 1;
}

/* Servers: one not given (a relative link) is the same. Queries: both
 * absent or both alike. */
static bool next_same(const char *a, const char *b)
{
    return !a || !b || !strcasecmp(a, b);
}

static bool next_same_query(const char *a, const char *b)
{
    return (!a || !*a) == (!b || !*b) && (!a || !*a || !strcmp(a, b));
}

/* One site seen from two hosts (www. and m., ol. and wap.): the hosts
 * alike after their first label. */
static bool next_same_site(const char *a, const char *b)
{
    if (!a || !b || !strcasecmp(a, b))
        return true;
    const char *da = strchr(a, '.'), *db = strchr(b, '.');
    return da && db && strchr(da + 1, '.') && !strcasecmp(da, db);
}

/* A mobile copy names the pages of the article its canonical address
 * names otherwise (1220000.shtml, Content-1220000_2.html), but both by
 * the article's number: P's name is that number, of 5 digits or more in
 * S's name, with the page number 1 or 2 after it. */
static bool next_id_continues(const char *s, const char *p)
{
    const char *sn = strrchr(s, '/'), *pn = strrchr(p, '/'), *px;
    sn = sn ? sn + 1 : s;
    pn = pn ? pn + 1 : p;
    size_t pl = next_base(pn, &px), ps;
    char sep;
    long n = next_trailing(pn, pl, &ps, &sep);
    if ((n != 1 && n != 2) || sep == '/')
        return false;
    size_t id = 0;
    while (id < ps && isdigit((unsigned char)pn[ps - id - 1]))
        id++;
    char num[32];
    if (id < 5 || id >= sizeof num)
        return false;
    memcpy(num, pn + ps - id, id);
    num[id] = '\0';
    for (const char *d = sn; (d = strstr(d, num)); d += id)
        if ((d == sn || !isdigit((unsigned char)d[-1])) && !isdigit((unsigned char)d[id]))
            return true;
    return false;
}

static bool next_continues(const char *self, const char *href)
{
    xmlChar *abs = xmlBuildURI((const xmlChar *)href, (const xmlChar *)self);
    xmlURIPtr s = xmlParseURI(self), h = abs ? xmlParseURI((const char *)abs) : NULL;
    bool yes = false;
    if (s && h && s->path && h->path && !strchr(self, '/')) {
        /* only the file's name is known: the link's name is compared */
        const char *name = strrchr(h->path, '/');
        yes = next_same_query(s->query, h->query) && next_path_continues(s->path, name ? name + 1 : h->path);
    } else if (s && h && s->path && h->path && next_same(s->server, h->server)) {
        if (!strcmp(s->path, h->path))
            yes = h->query && next_query_continues(s->query, h->query);
        else
            yes = next_same_query(s->query, h->query) && next_path_continues(s->path, h->path);
    }
    if (!yes && s && h && s->path && h->path && next_same_site(s->server, h->server))
        yes = next_id_continues(s->path, h->path);
    xmlFreeURI(s);
    xmlFreeURI(h);
    xmlFree(abs);
    return yes;
}

char *page_next_pick(const page_next_links *l, const char *self)
{
    for (int i = 0; self && *self && i < l->n; i++)
        if (next_continues(self, l->href[i])) {
            xmlChar *abs = xmlBuildURI((const xmlChar *)l->href[i], (const xmlChar *)self);
            char *r = xstrdup(abs ? (const char *)abs : l->href[i]);
            xmlFree(abs);
            return r;
        }
    return NULL;
}
