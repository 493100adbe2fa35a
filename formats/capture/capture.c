/* Opening a capture: what kind of file it is, and the plain HTML reader. */
#include "capture/capture_int.h"
#include "util/io.h"
#include "util/resource.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static bool capture_ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && !strcasecmp(s + n - t, tail);
}

/* An MHTML file opens with MIME headers, not markup, and names its
 * multipart/related type in them (Blink writes "From: <Saved by Blink>"
 * first, so a '<' inside the headers proves nothing). */
static bool capture_looks_mime(const unsigned char *head, size_t n)
{
    size_t i = 0;
    while (i < n && (head[i] == ' ' || head[i] == '\r' || head[i] == '\n' || head[i] == '\t'))
        i++;
    if (i >= n || head[i] == '<')
        return false;
    const char *want = "multipart/related";
    size_t w = strlen(want);
    for (; i + w <= n; i++) {
        if (head[i] == '\n' && i + 1 < n && (head[i + 1] == '\n' || head[i + 1] == '\r'))
            return false;   /* the end of the first header block */
        if (!strncasecmp((const char *)head + i, want, w))
            return true;
    }
    return false;
}

capture_kind capture_kind_of(const char *path, const unsigned char *head, size_t n)
{
    if ((n >= 2 && head[0] == 0x1f && head[1] == 0x8b) || (n >= 5 && !memcmp(head, "WARC/", 5)))
        return CAPTURE_WARC;
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
        ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
        return CAPTURE_ZIP;
    if (path && (capture_ends_with(path, ".mht") || capture_ends_with(path, ".mhtml")))
        return CAPTURE_MHTML;
    if (capture_looks_mime(head, n))
        return CAPTURE_MHTML;
    if (path && (capture_ends_with(path, ".warc") || capture_ends_with(path, ".warc.gz")))
        return CAPTURE_WARC;
    if (path && capture_ends_with(path, ".zip"))
        return CAPTURE_ZIP;
    return CAPTURE_HTML;
}

const char *capture_kind_name(capture_kind k)
{
    switch (k) {
    case CAPTURE_HTML:  return "HTML";
    case CAPTURE_MHTML: return "MHTML";
    case CAPTURE_WARC:  return "WARC";
    case CAPTURE_ZIP:   return "zip";
    }
    return "?";
}

/* ---- plain HTML: one page, images beside it ------------------------------ */

typedef struct {
    buf_t bytes;
    bool given;
} capture_html;

static int capture_html_next(capture *c, capture_page *page, buf_t *why)
{
    capture_html *h = c->impl;
    if (h->given)
        return 0;
    h->given = true;
    if (!c->from_mem && io_read_file(c->path, &h->bytes, why) != 0)
        return -2;
    const buf_t *b = c->from_mem ? &c->mem : &h->bytes;
    memset(page, 0, sizeof *page);
    page->data = (const unsigned char *)(b->data ? b->data : "");
    page->len = b->len;
    c->stats.pages++;
    return 1;
}

static bool capture_html_resource(capture *c, const char *src, const char *abs, buf_t *bytes,
                                  buf_t *type)
{
    return c->path && resource_beside(c->path, src, abs, bytes, type);
}

static void capture_html_close(capture *c)
{
    capture_html *h = c->impl;
    buf_free(&h->bytes);
    free(h);
}

int capture_open_html(capture *c, buf_t *why)
{
    (void)why;
    static const capture_ops ops = { capture_html_next, capture_html_resource, capture_html_close };
    capture_html *h = xcalloc(1, sizeof *h);
    buf_init(&h->bytes);
    c->ops = &ops;
    c->impl = h;
    return 0;
}

/* ---- dispatch -------------------------------------------------------------- */

capture *capture_open(const char *path, buf_t *why)
{
    capture *c = xcalloc(1, sizeof *c);
    buf_init(&c->mem);
    unsigned char head[4096];
    size_t n = 0;
    int rc = 0;
    if (!path || !strcmp(path, "-")) {
        /* Standard input and pipes can be read only once, and the readers
         * of containers need to go back: they are read whole. */
        c->from_mem = true;
        rc = io_read_file(NULL, &c->mem, why);
    } else {
        c->path = xstrdup(path);
        struct stat st;
        FILE *f = NULL;
        if (stat(path, &st) != 0) {
            buf_puts(why, strerror(errno));
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            buf_puts(why, "is a folder");
            rc = -1;
        } else if (!S_ISREG(st.st_mode)) {
            c->from_mem = true;
            rc = io_read_file(path, &c->mem, why);
        } else if (!(f = fopen(path, "rb"))) {
            buf_puts(why, strerror(errno));
            rc = -1;
        } else {
            n = fread(head, 1, sizeof head, f);
            if (ferror(f)) {
                buf_puts(why, strerror(errno));
                rc = -1;
            }
            fclose(f);
        }
    }
    if (rc == 0 && c->from_mem) {
        n = c->mem.len < sizeof head ? c->mem.len : sizeof head;
        if (n)
            memcpy(head, c->mem.data, n);
    }
    if (rc != 0) {
        capture_close(c);
        return NULL;
    }
    c->kind = capture_kind_of(c->path, head, n);
    int (*const open[])(capture *, buf_t *) = {
        [CAPTURE_HTML] = capture_open_html, [CAPTURE_MHTML] = capture_open_mhtml,
        [CAPTURE_WARC] = capture_open_warc, [CAPTURE_ZIP] = capture_open_zip,
    };
    if (open[c->kind](c, why) != 0) {
        capture_close(c);
        return NULL;
    }
    return c;
}

capture_kind capture_kind_get(const capture *c)
{
    return c->kind;
}

int capture_next(capture *c, capture_page *page, buf_t *why)
{
    memset(page, 0, sizeof *page);
    return c->ops->next(c, page, why);
}

bool capture_resource(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type)
{
    capture *c = ctx;
    return c->ops->resource && c->ops->resource(c, src, abs, bytes, type);
}

void capture_stats_get(const capture *c, capture_stats *s)
{
    *s = c->stats;
}

void capture_close(capture *c)
{
    if (!c)
        return;
    if (c->ops && c->ops->close)
        c->ops->close(c);
    buf_free(&c->mem);
    free(c->path);
    free(c);
}
