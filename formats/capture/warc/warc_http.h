/* The HTTP message inside a WARC response record: status line, header
 * block, and the body as the server sent it, which may be chunked
 * (Transfer-Encoding) and compressed (Content-Encoding). */
#ifndef FOLIO_WARC_HTTP_H
#define FOLIO_WARC_HTTP_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Limits: an HTTP header block ends within this; a page or image, as
 * stored and as inflated, is no bigger than that. */
enum { WARC_HTTP_HEAD_MAX = 64 * 1024 };
#define WARC_PAYLOAD_MAX (64LL * 1024 * 1024)

typedef struct {
    int status;          /* 200, 404, ... */
    buf_t type;          /* the payload's media type, lower-cased, or "" */
    buf_t charset;       /* its charset parameter, or "" */
    buf_t coding;        /* Content-Encoding, lower-cased, or "" */
    bool chunked;        /* Transfer-Encoding: chunked */
    size_t body;         /* where the body starts */
} warc_http;

void warc_http_init(warc_http *h);
void warc_http_free(warc_http *h);

/* Read the response head at the start of P (N bytes): 1 when read, 0 when
 * P does not start with an HTTP status line, -1 when the header block does
 * not end within N bytes. */
int warc_http_head(const char *p, size_t n, warc_http *h);

/* A payload with no HTTP around it (a resource record): TYPE is its
 * Content-Type value. */
void warc_http_plain(warc_http *h, const char *type);

/* The body P (N bytes) as the page or image it carries: dechunked and
 * inflated as H says, into OUT. False with the cause in WHY. */
bool warc_http_payload(const warc_http *h, const char *p, size_t n, buf_t *out, buf_t *why);

/* Undo chunked transfer coding (RFC 9112 section 7.1). A body that does not
 * start with a chunk-size line was stored decoded already, and is copied. */
bool warc_http_dechunk(const char *p, size_t n, buf_t *out, buf_t *why);

/* Inflate a body of Content-Encoding CODING ("gzip", "x-gzip", "deflate";
 * "" or "identity" copies it). At most WARC_PAYLOAD_MAX bytes come out. */
bool warc_http_decode(const char *coding, const char *p, size_t n, buf_t *out, buf_t *why);

/* Do the first bytes of P read as HTML markup? For a payload of no type. */
bool warc_looks_html(const char *p, size_t n);

#endif
