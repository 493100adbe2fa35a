/* The WARC reader: one page per HTML response or resource record, read a
 * record at a time; images from the same WARC by their address. */
#include "capture/capture_int.h"
#include "capture/mime/mime_header.h"
#include "capture/warc/warc_http.h"
#include "capture/warc/warc_index.h"
#include "capture/warc/warc_record.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    warc_input *in;
    warc_record rec;
    warc_http http;
    buf_t block;       /* the current record's block, when it is a page */
    buf_t page;        /* the page's bytes, out of their HTTP coding */
    bool done;
    warc_index *index; /* made on the first image lookup */
} capture_warc;

enum { WARC_SKIP = 0, WARC_PAGE = 1, WARC_REFUSED = -1, WARC_BROKEN = -2 };

static bool warc_is_page_type(const char *type)
{
    return !strcmp(type, "text/html") || !strcmp(type, "application/xhtml+xml");
}

/* A record that holds together but whose page cannot be had. */
static int warc_refuse_page(capture_warc *w, buf_t *why, const char *cause)
{
    warc_record_name(&w->rec, why);
    buf_printf(why, ": %s", cause);
    return WARC_REFUSED;
}

/* Pass over the rest of the record and check its end: 0, or WARC_REFUSED
 * with *FRAMING still set. */
static int warc_finish(capture_warc *w, buf_t *why, bool *framing)
{
    if (warc_record_end(w->in, &w->rec, why) != 0)
        return WARC_REFUSED;
    *framing = false;
    return 0;
}

/* Could the record just begun be a page? Reads its HTTP head when it has
 * one. 1 when it is HTML or of no type, 0 when not, -1 when it does not
 * read. */
static int warc_may_be_page(capture_warc *w, buf_t *why)
{
    warc_record *r = &w->rec;
    if (!strcmp(r->type.data, "resource")) {
        warc_http_plain(&w->http, r->content_type.data);
        return warc_is_page_type(w->http.type.data);
    }
    if (strcmp(r->type.data, "response"))
        return 0;
    buf_t type;
    buf_init(&type);
    mime_type(r->content_type.data, &type);
    /* Responses of dns: or whois: are no HTTP. */
    bool http = !type.len || !strcmp(type.data, "application/http");
    buf_free(&type);
    if (!http)
        return 0;
    if (warc_record_read(w->in, r, &w->block, WARC_HTTP_HEAD_MAX, why) < 0)
        return -1;
    if (!w->block.len || warc_http_head(w->block.data, w->block.len, &w->http) != 1)
        return 0;
    /* A redirect or an error page is not the article. */
    return w->http.status == 200 && (warc_is_page_type(w->http.type.data) || !w->http.type.len);
}

/* What the record just begun is, read as far as that needs. A page is
 * read whole and decoded into w->page. *FRAMING tells a refusal that
 * leaves the input inside the record from one after the record's end. */
static int warc_take(capture *c, capture_warc *w, buf_t *why, bool *framing)
{
    warc_record *r = &w->rec;
    *framing = true;
    buf_reset(&w->block);
    buf_reset(&w->page);
    int page = warc_may_be_page(w, why);
    if (page < 0)
        return WARC_REFUSED;
    if (!page) {
        if (warc_finish(w, why, framing) != 0)
            return WARC_REFUSED;
        if (!strcmp(r->type.data, "revisit"))
            c->stats.revisits++;
        else
            c->stats.other++;
        return WARC_SKIP;
    }
    if (!r->uri.len)
        return warc_finish(w, why, framing) ? WARC_REFUSED
                                            : warc_refuse_page(w, why, "a page with no WARC-Target-URI");
    if (r->length > WARC_PAYLOAD_MAX) {
        if (warc_finish(w, why, framing) != 0)
            return WARC_REFUSED;
        buf_t cause;
        buf_init(&cause);
        buf_printf(&cause, "a block of %lld bytes, more than the %lld MiB a page may have", r->length,
                   WARC_PAYLOAD_MAX >> 20);
        warc_refuse_page(w, why, cause.data);
        buf_free(&cause);
        return WARC_REFUSED;
    }
    if (warc_record_read(w->in, r, &w->block, r->left, why) < 0 || warc_finish(w, why, framing) != 0)
        return WARC_REFUSED;
    size_t body = strcmp(r->type.data, "resource") ? w->http.body : 0;
    const char *block = w->block.data ? w->block.data : "";
    buf_t cause;
    buf_init(&cause);
    bool ok = warc_http_payload(&w->http, block + body, w->block.len - body, &w->page, &cause);
    if (!ok)
        warc_refuse_page(w, why, cause.data);
    buf_free(&cause);
    if (!ok)
        return WARC_REFUSED;
    if (!w->http.type.len && !warc_looks_html(w->page.data ? w->page.data : "", w->page.len)) {
        c->stats.other++;
        return WARC_SKIP;
    }
    return WARC_PAGE;
}

static int capture_warc_next(capture *c, capture_page *page, buf_t *why)
{
    capture_warc *w = c->impl;
    while (!w->done) {
        int rc = warc_record_begin(w->in, &w->rec, why);
        bool framing = true;
        if (rc == 0 || rc == -2) {
            w->done = true;
            return rc;
        }
        if (rc == 1) {
            rc = warc_take(c, w, why, &framing);
            if (rc == WARC_SKIP)
                continue;
        }
        if (rc == WARC_PAGE) {
            page->record = page->url = w->rec.uri.data;
            page->charset = w->http.charset.len ? w->http.charset.data : NULL;
            page->data = (const unsigned char *)(w->page.data ? w->page.data : "");
            page->len = w->page.len;
            c->stats.pages++;
            return 1;
        }
        c->stats.bad++;
        /* a record refused before its header was read has no name yet */
        page->record = w->rec.uri.len ? w->rec.uri.data : NULL;
        if (framing && !warc_record_recover(w->in, &w->rec)) {
            w->done = true;
            return WARC_BROKEN;
        }
        return WARC_REFUSED;
    }
    return 0;
}

static bool capture_warc_resource(capture *c, const char *src, const char *abs, buf_t *bytes,
                                  buf_t *type)
{
    capture_warc *w = c->impl;
    const char *uri = abs ? abs : strstr(src, "://") ? src : NULL;
    if (!uri)
        return false;
    /* A fragment names a part of the image, not another record. */
    char *key = xstrndup(uri, strcspn(uri, "#"));
    if (!w->index)
        w->index = c->from_mem ? warc_index_open(NULL, c->mem.data, c->mem.len)
                               : warc_index_open(c->path, NULL, 0);
    bool found = warc_index_fetch(w->index, key, bytes, type);
    free(key);
    return found;
}

static void capture_warc_close(capture *c)
{
    capture_warc *w = c->impl;
    if (!w)
        return;
    warc_input_close(w->in);
    warc_record_free(&w->rec);
    warc_http_free(&w->http);
    buf_free(&w->block);
    buf_free(&w->page);
    warc_index_close(w->index);
    free(w);
}

int capture_open_warc(capture *c, buf_t *why)
{
    static const capture_ops ops = { capture_warc_next, capture_warc_resource, capture_warc_close };
    warc_input *in = c->from_mem ? warc_input_open(NULL, c->mem.data, c->mem.len, why)
                                 : warc_input_open(c->path, NULL, 0, why);
    if (!in)
        return -1;
    capture_warc *w = xcalloc(1, sizeof *w);
    w->in = in;
    warc_record_init(&w->rec);
    warc_http_init(&w->http);
    buf_init(&w->block);
    buf_init(&w->page);
    c->ops = &ops;
    c->impl = w;
    return 0;
}
