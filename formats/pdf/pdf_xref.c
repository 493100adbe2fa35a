#include "pdf/pdf_xref.h"
#include "util/alloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PDF white space: NUL, tab, LF, FF, CR, space. */
static bool white(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool delimiter(char c)
{
    return white(c) || strchr("()<>[]{}/%", c);
}

static size_t skip_white(const char *p, size_t len, size_t i)
{
    for (;;) {
        while (i < len && white(p[i]))
            i++;
        if (i < len && p[i] == '%') {   /* a comment runs to the end of the line */
            while (i < len && p[i] != '\n' && p[i] != '\r')
                i++;
            continue;
        }
        return i;
    }
}

/* A non-negative decimal at I; *END gets the offset after it. */
static bool read_uint(const char *p, size_t len, size_t i, unsigned long long *v, size_t *end)
{
    if (i >= len || !isdigit((unsigned char)p[i]))
        return false;
    unsigned long long n = 0;
    while (i < len && isdigit((unsigned char)p[i])) {
        if (n > 1000000000000ULL)
            return false;
        n = n * 10 + (unsigned)(p[i++] - '0');
    }
    *v = n;
    *end = i;
    return true;
}

static bool word_at(const char *p, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && memcmp(p + i, w, n) == 0 && (i + n == len || delimiter(p[i + n]));
}

/* Past the literal string that opens at I: nested parentheses balance and
 * a backslash escapes the next byte. 0 when it never closes. */
static size_t skip_string(const char *p, size_t len, size_t i)
{
    int depth = 0;
    for (; i < len; i++) {
        if (p[i] == '\\')
            i++;
        else if (p[i] == '(')
            depth++;
        else if (p[i] == ')' && --depth == 0)
            return i + 1;
    }
    return 0;
}

/* Past the one object that starts at I (after white space): a dictionary,
 * array, string, name, number, keyword, or an "N G R" reference. 0 when the
 * bytes end first or make no object. */
static size_t skip_value(const char *p, size_t len, size_t i)
{
    i = skip_white(p, len, i);
    if (i >= len)
        return 0;
    if (p[i] == '(')
        return skip_string(p, len, i);
    if (p[i] == '<' && i + 1 < len && p[i + 1] != '<') {
        const char *gt = memchr(p + i, '>', len - i);
        return gt ? (size_t)(gt - p) + 1 : 0;
    }
    if (p[i] == '[' || p[i] == '<') {
        bool dict = p[i] == '<';
        i += dict ? 2 : 1;
        for (;;) {
            i = skip_white(p, len, i);
            if (i >= len)
                return 0;
            if (dict && p[i] == '>')
                return i + 1 < len && p[i + 1] == '>' ? i + 2 : 0;
            if (!dict && p[i] == ']')
                return i + 1;
            size_t next = skip_value(p, len, i);
            if (next == 0 || next <= i)
                return 0;
            i = next;
        }
    }
    if (p[i] == ')' || p[i] == '>' || p[i] == ']' || p[i] == '{' || p[i] == '}')
        return 0;
    size_t start = i;
    i++;   /* a name's solidus, a sign, a digit, or a keyword's first letter */
    while (i < len && !delimiter(p[i]))
        i++;
    /* "12 0 R": a reference is one value */
    unsigned long long v;
    size_t e1, e2;
    if (read_uint(p, len, start, &v, &e1) && e1 == i) {
        size_t j = skip_white(p, len, i);
        if (read_uint(p, len, j, &v, &e2)) {
            size_t k = skip_white(p, len, e2);
            if (k > e2 && word_at(p, len, k, "R"))
                return k + 1;
        }
    }
    return i;
}

/* In the dictionary that opens at I, the offset of KEY's value, or 0. */
static size_t dict_lookup(const char *p, size_t len, size_t i, const char *key)
{
    i = skip_white(p, len, i);
    if (i + 1 >= len || p[i] != '<' || p[i + 1] != '<')
        return 0;
    i += 2;
    size_t klen = strlen(key);
    for (;;) {
        i = skip_white(p, len, i);
        if (i >= len || p[i] != '/')
            return 0;
        size_t name = i++;
        while (i < len && !delimiter(p[i]))
            i++;
        bool match = i - name - 1 == klen && memcmp(p + name + 1, key, klen) == 0;
        if (match)
            return i;
        size_t next = skip_value(p, len, i);
        if (next == 0)
            return 0;
        i = next;
    }
}

/* "N G R" at I: N, or -1. */
static long reference_at(const char *p, size_t len, size_t i)
{
    unsigned long long n, g;
    size_t e;
    i = skip_white(p, len, i);
    if (!read_uint(p, len, i, &n, &e))
        return -1;
    i = skip_white(p, len, e);
    if (!read_uint(p, len, i, &g, &e))
        return -1;
    i = skip_white(p, len, e);
    return word_at(p, len, i, "R") && n < 100000000 ? (long)n : -1;
}

static size_t find_startxref(const char *p, size_t len, const char **why)
{
    const char *key = "startxref";
    size_t klen = strlen(key), from = len > 1024 ? len - 1024 : 0;
    for (size_t i = len >= klen ? len - klen + 1 : 0; i-- > from;)
        if (memcmp(p + i, key, klen) == 0) {
            unsigned long long v;
            size_t e;
            if (read_uint(p, len, skip_white(p, len, i + klen), &v, &e) && v < len)
                return (size_t)v;
            break;
        }
    *why = "no startxref at the end of the file";
    return 0;
}

typedef struct { size_t num, offset; int gen; bool used; } raw_entry;

typedef struct {
    raw_entry *e;
    size_t n, cap, top;
} raw_list;

/* One table at AT into L; *TRAILER gets the offset of its trailer's
 * dictionary. Returns NULL or what is wrong. */
static const char *read_section(const char *p, size_t len, size_t at, raw_list *l, size_t *trailer)
{
    size_t i = at;
    if (!word_at(p, len, i, "xref"))
        return "startxref does not point at a cross-reference table";
    i += 4;
    for (;;) {
        i = skip_white(p, len, i);
        if (word_at(p, len, i, "trailer"))
            break;
        unsigned long long first, count;
        size_t e;
        if (!read_uint(p, len, i, &first, &e) || !read_uint(p, len, skip_white(p, len, e), &count, &e) ||
            first + count > 10000000)
            return "malformed cross-reference subsection";
        i = e;
        for (unsigned long long k = 0; k < count; k++) {
            unsigned long long off, gen;
            i = skip_white(p, len, i);
            if (!read_uint(p, len, i, &off, &e) || !read_uint(p, len, skip_white(p, len, e), &gen, &e))
                return "malformed cross-reference entry";
            i = skip_white(p, len, e);
            if (i >= len || (p[i] != 'n' && p[i] != 'f') || gen > 65535)
                return "malformed cross-reference entry";
            ALLOC_GROW(l->e, l->n + 1, l->cap);
            l->e[l->n++] = (raw_entry){ (size_t)(first + k), (size_t)off, (int)gen, p[i] == 'n' };
            if (first + k + 1 > l->top)
                l->top = (size_t)(first + k + 1);
            i++;
        }
    }
    *trailer = skip_white(p, len, i + 7);
    return NULL;
}

int pdf_xref_read(const char *p, size_t len, pdf_xref *x, const char **why)
{
    memset(x, 0, sizeof *x);
    x->root = x->info = -1;
    const char *err = NULL;
    size_t at = find_startxref(p, len, &err);
    if (err) {
        *why = err;
        return -1;
    }
    x->startxref = at;
    raw_list l = { NULL, 0, 0, 0 };
    unsigned long long size = 0;
    /* the newest table first; an older one (/Prev) fills only what the
     * newer ones leave out */
    for (int sections = 0; !err; sections++) {
        size_t dict, v_at, e;
        if (sections == 64 || (err = read_section(p, len, at, &l, &dict)))
            break;
        unsigned long long v;
        if (!(v_at = dict_lookup(p, len, dict, "Size")) || !read_uint(p, len, skip_white(p, len, v_at), &v, &e) ||
            v > 10000000) {
            err = "the trailer has no /Size";
            break;
        }
        if (v > size)
            size = v;
        if (sections == 0) {
            if ((v_at = dict_lookup(p, len, dict, "Root")))
                x->root = reference_at(p, len, v_at);
            if ((v_at = dict_lookup(p, len, dict, "Info")))
                x->info = reference_at(p, len, v_at);
            if ((v_at = dict_lookup(p, len, dict, "ID"))) {
                size_t s = skip_white(p, len, v_at), end = skip_value(p, len, s);
                if (end > s && end - s < sizeof x->id) {
                    memcpy(x->id, p + s, end - s);
                    x->id[end - s] = '\0';
                }
            }
        }
        if (!(v_at = dict_lookup(p, len, dict, "Prev")))
            break;
        if (!read_uint(p, len, skip_white(p, len, v_at), &v, &e) || v >= at) {
            err = "the trailer's /Prev does not point back";
            break;
        }
        at = (size_t)v;
    }
    if (!err && x->root < 0)
        err = "the trailer has no /Root";
    x->count = size > l.top ? (size_t)size : l.top;
    if (!err)
        x->entries = xcalloc(x->count, sizeof *x->entries);
    if (err) {
        free(l.e);
        *why = err;
        return -1;
    }
    for (size_t k = l.n; k-- > 0;)   /* older tables were read last: newer ones win */
        x->entries[l.e[k].num] = (pdf_xref_entry){ l.e[k].offset, l.e[k].gen, l.e[k].used };
    free(l.e);
    return 0;
}

void pdf_xref_free(pdf_xref *x)
{
    free(x->entries);
    x->entries = NULL;
    x->count = 0;
}

/* Past "N G obj" at I, or 0. */
static size_t object_header(const char *p, size_t len, size_t i, size_t n, int gen)
{
    unsigned long long v, g;
    size_t e;
    if (!read_uint(p, len, i, &v, &e) || v != n)
        return 0;
    if (!read_uint(p, len, skip_white(p, len, e), &g, &e) || g != (unsigned long long)gen)
        return 0;
    i = skip_white(p, len, e);
    return word_at(p, len, i, "obj") ? i + 3 : 0;
}

bool pdf_xref_entry_ok(const char *pdf, size_t len, const pdf_xref *x, size_t n)
{
    if (n >= x->count || !x->entries[n].used)
        return false;
    return object_header(pdf, len, x->entries[n].offset, n, x->entries[n].gen) != 0;
}

/* BCP 47 as far as a PDF text string cares: letters, digits and hyphens. */
static const char *usable_lang(const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35)
        return "zh-Hans";
    for (const char *s = lang; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-')
            return "zh-Hans";
    return lang;
}

int pdf_xref_update_catalog(buf_t *pdf, const char *lang, const char **why)
{
    pdf_xref x;
    if (pdf_xref_read(pdf->data, pdf->len, &x, why) != 0)
        return -1;
    const char *p = pdf->data;
    size_t len = pdf->len, root = (size_t)x.root;
    size_t body = pdf_xref_entry_ok(p, len, &x, root) ? object_header(p, len, x.entries[root].offset, root,
                                                                       x.entries[root].gen) : 0;
    size_t open = body ? skip_white(p, len, body) : 0, close = open ? skip_value(p, len, open) : 0;
    if (!close || p[open] != '<') {
        pdf_xref_free(&x);
        *why = "the catalog is not a dictionary the cross-reference table points at";
        return -1;
    }
    buf_t up;
    buf_init(&up);
    if (p[len - 1] != '\n')
        buf_putc(&up, '\n');
    size_t catalog_at = len + up.len;
    /* the catalog's own keys, then ours */
    buf_printf(&up, "%zu %d obj\n<<", root, x.entries[root].gen);
    buf_add(&up, p + open + 2, close - 2 - (open + 2));
    if (!dict_lookup(p, len, open, "Lang"))
        buf_printf(&up, "   /Lang (%s)\n", usable_lang(lang));
    if (!dict_lookup(p, len, open, "MarkInfo") && dict_lookup(p, len, open, "StructTreeRoot"))
        buf_puts(&up, "   /MarkInfo << /Marked true >>\n");
    if (!dict_lookup(p, len, open, "ViewerPreferences"))
        buf_puts(&up, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
    buf_puts(&up, ">>\nendobj\n");
    size_t xref_at = len + up.len;
    buf_puts(&up, "xref\n");
    /* entries that point at nothing become free, chained from entry 0 */
    size_t *dead = xcalloc(x.count + 1, sizeof *dead), ndead = 0;
    for (size_t n = 1; n < x.count; n++)
        if (x.entries[n].used && n != root && !pdf_xref_entry_ok(p, len, &x, n))
            dead[ndead++] = n;
    size_t head = x.entries[0].used ? 0 : x.entries[0].offset;   /* the free list so far */
    buf_printf(&up, "0 1\n%010zu 65535 f \n", ndead ? dead[0] : head);
    /* subsections in ascending order: the dead ones and the catalog */
    bool catalog_done = false;
    for (size_t k = 0; k <= ndead; k++) {
        if (!catalog_done && (k == ndead || root < dead[k])) {
            buf_printf(&up, "%zu 1\n%010zu %05d n \n", root, catalog_at, x.entries[root].gen);
            catalog_done = true;
        }
        if (k < ndead) {
            int gen = x.entries[dead[k]].gen < 65535 ? x.entries[dead[k]].gen + 1 : 65535;
            buf_printf(&up, "%zu 1\n%010zu %05d f \n", dead[k], k + 1 < ndead ? dead[k + 1] : head, gen);
        }
    }
    free(dead);
    buf_printf(&up, "trailer\n<< /Size %zu\n   /Root %zu %d R\n", x.count, root, x.entries[root].gen);
    if (x.info >= 0 && (size_t)x.info < x.count)
        buf_printf(&up, "   /Info %ld %d R\n", x.info, x.entries[x.info].gen);
    if (x.id[0])
        buf_printf(&up, "   /ID %s\n", x.id);
    buf_printf(&up, "   /Prev %zu\n>>\nstartxref\n%zu\n%%%%EOF\n", x.startxref, xref_at);
    buf_add(pdf, up.data, up.len);
    buf_free(&up);
    pdf_xref_free(&x);
    return 0;
}
