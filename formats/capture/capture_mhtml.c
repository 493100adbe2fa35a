/* The MHTML reader (RFC 2557): a multipart/related MIME message whose root
 * part is the page and whose other parts are what it refers to, each named
 * by its Content-Location or Content-ID. Browsers save pages so (Chrome's
 * "Webpage, single file", Internet Explorer's and Word's .mht). */
#include "capture/capture_int.h"
#include "util/hex.h"
#include "util/io.h"
#include "capture/mime/mime_decode.h"
#include "capture/mime/mime_header.h"
#include "util/alloc.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Parts within parts: Outlook and a few others nest a multipart/related in
 * a multipart/alternative. Deeper than this is not a page. */
enum { MHTML_MAX_DEPTH = 4 };

typedef struct {
    mime_part raw;
    char *type;          /* media type, lower-cased; text/plain when unsaid */
    char *charset;       /* the charset parameter of its Content-Type, or NULL */
    char *encoding;      /* its Content-Transfer-Encoding, or NULL */
    char *location;      /* its Content-Location as written, or NULL */
    char *location_abs;  /* the same made absolute against the page, or NULL */
    char *id;            /* its Content-ID without the angle brackets, or NULL */
} mhtml_part;

typedef struct {
    buf_t file;          /* the input, when read from a path */
    mhtml_part *parts;
    size_t n_parts, cap;
    size_t page;         /* the part that is the page */
    char *base;          /* where the page was, for relative addresses, or NULL */
    char *url;           /* the page's address on the web, or NULL */
    buf_t page_bytes;    /* the page, decoded */
    bool given;
} capture_mhtml;

static char *mhtml_strdup_or_null(const buf_t *b)
{
    return b->len ? xstrdup(b->data) : NULL;
}

/* A header's value into a fresh string, or NULL when absent or empty. */
static char *mhtml_header(const mime_part *p, const char *name)
{
    buf_t v;
    buf_init(&v);
    char *s = mime_header_get(p->head, p->head_len, name, &v) ? mhtml_strdup_or_null(&v) : NULL;
    buf_free(&v);
    return s;
}

/* A URL header: a long one is folded over lines, and the blanks that
 * unfolding leaves are not part of it (RFC 2557 4.4.2). */
static char *mhtml_header_url(const mime_part *p, const char *name)
{
    char *s = mhtml_header(p, name);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] != ' ' && s[i] != '\t')
            s[k++] = s[i];
    s[k] = '\0';
    if (!k) {
        free(s);
        return NULL;
    }
    return s;
}

/* "<id@host>" as the id within. */
static char *mhtml_header_id(const mime_part *p)
{
    char *s = mhtml_header_url(p, "Content-ID");
    size_t n = s ? strlen(s) : 0;
    if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
        memmove(s, s + 1, n - 2);
        s[n - 2] = '\0';
    }
    return s;
}

static bool mhtml_is_html(const char *type)
{
    return type && (!strcmp(type, "text/html") || !strcmp(type, "application/xhtml+xml"));
}

static void mhtml_add_part(capture_mhtml *m, const mime_part *raw, const char *content_type)
{
    ALLOC_GROW(m->parts, m->n_parts + 1, m->cap);
    mhtml_part *p = &m->parts[m->n_parts++];
    memset(p, 0, sizeof *p);
    p->raw = *raw;
    buf_t v;
    buf_init(&v);
    mime_type(content_type ? content_type : "text/plain", &v);
    p->type = xstrdup(v.len ? v.data : "text/plain");
    if (content_type && mime_param(content_type, "charset", &v))
        p->charset = mhtml_strdup_or_null(&v);
    buf_free(&v);
    p->encoding = mhtml_header(raw, "Content-Transfer-Encoding");
    p->location = mhtml_header_url(raw, "Content-Location");
    p->id = mhtml_header_id(raw);
}

/* Every part of the multipart body P (N bytes) cut at BOUNDARY, the parts
 * of a nested multipart in its place. The number of boundary lines met. */
static int mhtml_collect(capture_mhtml *m, const char *p, size_t n, const char *boundary, int depth)
{
    mime_multipart mp;
    mime_part part;
    buf_t ct, inner;
    buf_init(&ct);
    buf_init(&inner);
    mime_multipart_start(&mp, p, n, boundary);
    while (mime_multipart_next(&mp, &part)) {
        if (!part.head_len && !part.body_len)
            continue;
        bool has_type = mime_header_get(part.head, part.head_len, "Content-Type", &ct);
        if (has_type && !strncasecmp(ct.data, "multipart/", 10) && depth < MHTML_MAX_DEPTH &&
            mime_param(ct.data, "boundary", &inner) && inner.len) {
            char *b = xstrdup(inner.data);
            mhtml_collect(m, part.body, part.body_len, b, depth + 1);
            free(b);
            continue;
        }
        mhtml_add_part(m, &part, has_type ? ct.data : NULL);
    }
    buf_free(&ct);
    buf_free(&inner);
    return mp.delimiters;
}

/* The part with Content-ID ID (with or without its angle brackets). */
static mhtml_part *mhtml_by_id(capture_mhtml *m, const char *id, size_t len)
{
    if (len >= 2 && id[0] == '<' && id[len - 1] == '>')
        id++, len -= 2;
    for (size_t i = 0; i < m->n_parts; i++) {
        const char *pid = m->parts[i].id;
        if (pid && strlen(pid) == len && !memcmp(pid, id, len))
            return &m->parts[i];
    }
    return NULL;
}

/* The page: the root that the Content-Type's start= (a Content-ID) or
 * type= names, else the first HTML part. -1 when there is none. */
static long mhtml_pick_page(capture_mhtml *m, const char *content_type)
{
    buf_t v;
    buf_init(&v);
    long found = -1;
    if (content_type && mime_param(content_type, "start", &v) && v.len) {
        mhtml_part *p = mhtml_by_id(m, v.data, v.len);
        if (p && mhtml_is_html(p->type))
            found = p - m->parts;
    }
    if (found < 0 && content_type && mime_param(content_type, "type", &v)) {
        buf_t t;
        buf_init(&t);
        mime_type(v.data, &t);
        for (size_t i = 0; mhtml_is_html(t.data) && found < 0 && i < m->n_parts; i++)
            if (!strcmp(m->parts[i].type, t.data))
                found = (long)i;
        buf_free(&t);
    }
    for (size_t i = 0; found < 0 && i < m->n_parts; i++)
        if (mhtml_is_html(m->parts[i].type))
            found = (long)i;
    buf_free(&v);
    return found;
}

static bool mhtml_is_cid(const char *s)
{
    return s && !strncasecmp(s, "cid:", 4);
}

/* Where the page was: its own Content-Location, unless that only names it
 * within the file (Chrome's "cid:frame-…"), else what the message says it
 * is a snapshot of. */
static char *mhtml_page_location(const mime_part *top, const mhtml_part *page)
{
    if (page->location && !mhtml_is_cid(page->location))
        return xstrdup(page->location);
    static const char *const names[] = { "Snapshot-Content-Location", "Content-Location",
                                         "Content-Base" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *u = mhtml_header_url(top, names[i]);
        if (u && !mhtml_is_cid(u))
            return u;
        free(u);
    }
    return NULL;
}

/* REF made absolute against the page's location, or NULL when it is
 * already or cannot be. */
static char *mhtml_absolute(const capture_mhtml *m, const char *ref)
{
    if (!m->base || !ref)
        return NULL;
    xmlChar *abs = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)m->base);
    char *s = abs && strcmp((const char *)abs, ref) ? xstrdup((const char *)abs) : NULL;
    xmlFree(abs);
    return s;
}

/* Relative Content-Locations are relative to the page (RFC 2557 5). */
static void mhtml_resolve_locations(capture_mhtml *m)
{
    for (size_t i = 0; i < m->n_parts; i++) {
        mhtml_part *p = &m->parts[i];
        if (p->location && !mhtml_is_cid(p->location))
            p->location_abs = mhtml_absolute(m, p->location);
    }
}

/* The byte at *S, a %XX escape read as the byte it stands for; *S moves on. */
static int mhtml_url_byte(const char **s)
{
    const char *p = *s;
    if (p[0] == '%' && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
        *s = p + 3;
        return hex_digit(p[1]) << 4 | hex_digit(p[2]);
    }
    *s = p + 1;
    return (unsigned char)p[0];
}

/* Do A and B name the same thing? A browser writes one address escaped
 * where the page has it raw, and a #fragment names a place within it. */
static bool mhtml_same_url(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    for (;;) {
        bool a_end = !*a || *a == '#', b_end = !*b || *b == '#';
        if (a_end || b_end)
            return a_end && b_end;
        if (mhtml_url_byte(&a) != mhtml_url_byte(&b))
            return false;
    }
}

static bool mhtml_resource(capture *c, const char *src, const char *abs, buf_t *bytes, buf_t *type)
{
    capture_mhtml *m = c->impl;
    const mhtml_part *hit = NULL;
    if (mhtml_is_cid(src)) {
        /* cid: URLs escape what a Content-ID may hold (RFC 2392). */
        buf_t id;
        buf_init(&id);
        for (const char *s = src + 4; *s;)
            buf_putc(&id, (char)mhtml_url_byte(&s));
        hit = id.len ? mhtml_by_id(m, id.data, id.len) : NULL;
        buf_free(&id);
    }
    /* The page's own idea of its address may differ from the file's. */
    char *own = hit ? NULL : mhtml_absolute(m, src);
    for (size_t i = 0; !hit && i < m->n_parts; i++) {
        const mhtml_part *p = &m->parts[i];
        if (i == m->page || !p->location)
            continue;
        const char *loc = p->location_abs ? p->location_abs : p->location;
        if (mhtml_same_url(loc, abs) || mhtml_same_url(loc, own) || mhtml_same_url(loc, src) ||
            mhtml_same_url(p->location, src))
            hit = p;
    }
    free(own);
    if (!hit)
        return false;
    mime_decode_body(hit->encoding, hit->raw.body, hit->raw.body_len, bytes);
    buf_puts(type, hit->type);
    return bytes->len > 0;
}

static int mhtml_next(capture *c, capture_page *page, buf_t *why)
{
    (void)why;
    capture_mhtml *m = c->impl;
    if (m->given)
        return 0;
    m->given = true;
    const mhtml_part *p = &m->parts[m->page];
    mime_decode_body(p->encoding, p->raw.body, p->raw.body_len, &m->page_bytes);
    page->record = NULL;
    page->url = m->url;
    page->charset = p->charset;
    page->data = (const unsigned char *)m->page_bytes.data;
    page->len = m->page_bytes.len;
    c->stats.pages++;
    c->stats.other += (long)m->n_parts - 1;
    return 1;
}

static void mhtml_close(capture *c)
{
    capture_mhtml *m = c->impl;
    for (size_t i = 0; i < m->n_parts; i++) {
        mhtml_part *p = &m->parts[i];
        free(p->type);
        free(p->charset);
        free(p->encoding);
        free(p->location);
        free(p->location_abs);
        free(p->id);
    }
    free(m->parts);
    free(m->base);
    free(m->url);
    buf_free(&m->page_bytes);
    buf_free(&m->file);
    free(m);
}

/* A page saved as plain HTML under an .mht name: the browser that opens it
 * shows it, and so do we. */
static bool mhtml_is_markup(const char *p, size_t n)
{
    size_t i = n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i < n && p[i] == '<';
}

/* The parts of the message P (N bytes) into M, and the page chosen;
 * -1 with the cause in WHY. */
static int mhtml_read(capture_mhtml *m, const char *p, size_t n, buf_t *why)
{
    while (n && (*p == '\r' || *p == '\n'))
        p++, n--;
    size_t head_len = mime_header_end(p, n);
    if (!head_len) {
        buf_puts(why, "MHTML: no empty line ends its header");
        return -1;
    }
    mime_part top = { p, head_len, p + head_len, n - head_len };
    buf_t ct, boundary;
    buf_init(&ct);
    buf_init(&boundary);
    bool has_type = mime_header_get(top.head, top.head_len, "Content-Type", &ct);
    int rc = 0;
    if (has_type && !strncasecmp(ct.data, "multipart/", 10)) {
        if (!mime_param(ct.data, "boundary", &boundary) || !boundary.len) {
            buf_puts(why, "MHTML without its boundary (its Content-Type has no boundary parameter)");
            rc = -1;
        } else if (mhtml_collect(m, top.body, top.body_len, boundary.data, 1) == 0) {
            buf_printf(why, "MHTML: boundary \"%s\" not found", boundary.data);
            rc = -1;
        }
    } else {
        /* A message of one part: the page alone, its headers the message's. */
        mhtml_add_part(m, &top, has_type ? ct.data : NULL);
    }
    long page = rc == 0 ? mhtml_pick_page(m, has_type ? ct.data : NULL) : -1;
    if (rc == 0 && page < 0) {
        buf_puts(why, "MHTML holds no HTML part");
        rc = -1;
    }
    if (rc == 0) {
        m->page = (size_t)page;
        m->base = mhtml_page_location(&top, &m->parts[m->page]);
        /* Word saves a document as file:///C:/…: an address for its parts,
         * not one the article came from. */
        if (m->base && strncasecmp(m->base, "file:", 5))
            m->url = xstrdup(m->base);
        mhtml_resolve_locations(m);
    }
    buf_free(&ct);
    buf_free(&boundary);
    return rc;
}

int capture_open_mhtml(capture *c, buf_t *why)
{
    static const capture_ops ops = { mhtml_next, mhtml_resource, mhtml_close };
    capture_mhtml *m = xcalloc(1, sizeof *m);
    buf_init(&m->file);
    buf_init(&m->page_bytes);
    c->ops = &ops;
    c->impl = m;
    if (!c->from_mem && io_read_file(c->path, &m->file, why) != 0)
        return -1;
    const buf_t *b = c->from_mem ? &c->mem : &m->file;
    const char *p = b->data ? b->data : "";
    if (!b->len) {
        buf_puts(why, "empty input");
        return -1;
    }
    if (mhtml_is_markup(p, b->len)) {
        mhtml_close(c);
        return capture_open_html(c, why);
    }
    return mhtml_read(m, p, b->len, why);
}
