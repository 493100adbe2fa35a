/* The HTTP response in a WARC record, down to the bytes of the page. */
#include "capture/warc/warc_http.h"
#include "capture/mime/mime_header.h"

#include <string.h>
#include <strings.h>
#include <zlib.h>

void warc_http_init(warc_http *h)
{
    memset(h, 0, sizeof *h);
    buf_init(&h->type);
    buf_init(&h->charset);
    buf_init(&h->coding);
}

void warc_http_free(warc_http *h)
{
    buf_free(&h->type);
    buf_free(&h->charset);
    buf_free(&h->coding);
}

static void warc_http_reset(warc_http *h)
{
    h->status = 0;
    h->chunked = false;
    h->body = 0;
    buf_reset(&h->type);
    buf_reset(&h->charset);
    buf_reset(&h->coding);
    buf_puts(&h->type, "");
    buf_puts(&h->charset, "");
    buf_puts(&h->coding, "");
}

static void warc_http_content_type(warc_http *h, const char *value)
{
    mime_type(value, &h->type);
    if (!mime_param(value, "charset", &h->charset))
        buf_reset(&h->charset);
}

void warc_http_plain(warc_http *h, const char *type)
{
    warc_http_reset(h);
    h->status = 200;
    warc_http_content_type(h, type);
}

static bool warc_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* One response head at P: its status, and where the block after it starts
 * in *END. */
static int warc_http_one(const char *p, size_t n, warc_http *h, size_t *end)
{
    if (n < 5 || memcmp(p, "HTTP/", 5))
        return 0;
    const char *nl = memchr(p, '\n', n);
    if (!nl)
        return -1;
    size_t line = (size_t)(nl - p), i = 5;
    while (i < line && p[i] != ' ')
        i++;
    while (i < line && p[i] == ' ')
        i++;
    h->status = 0;
    if (i + 3 <= line && warc_is_digit(p[i]) && warc_is_digit(p[i + 1]) && warc_is_digit(p[i + 2]) &&
        (i + 3 == line || p[i + 3] == ' ' || p[i + 3] == '\r'))
        h->status = (p[i] - '0') * 100 + (p[i + 1] - '0') * 10 + (p[i + 2] - '0');
    size_t hs = line + 1, hl;
    if (hs < n && p[hs] == '\n')
        hl = 1;
    else if (hs + 1 < n && p[hs] == '\r' && p[hs + 1] == '\n')
        hl = 2;
    else if (!(hl = mime_header_end(p + hs, n - hs)))
        return -1;
    const char *head = p + hs;
    buf_t v;
    buf_init(&v);
    if (mime_header_get(head, hl, "Content-Type", &v))
        warc_http_content_type(h, v.data);
    if (mime_header_get(head, hl, "Transfer-Encoding", &v))
        for (size_t k = 0; k + 7 <= v.len; k++)
            if (!strncasecmp(v.data + k, "chunked", 7))
                h->chunked = true;
    if (mime_header_get(head, hl, "Content-Encoding", &v))
        mime_type(v.data, &h->coding);
    buf_free(&v);
    *end = hs + hl;
    return 1;
}

int warc_http_head(const char *p, size_t n, warc_http *h)
{
    warc_http_reset(h);
    size_t at = 0;
    for (;;) {
        size_t end;
        int rc = warc_http_one(p + at, n - at, h, &end);
        if (rc <= 0)
            return rc;
        h->body = at + end;
        /* "100 Continue" and its kin come before the real response. */
        if (h->status < 100 || h->status >= 200 || n - h->body < 5 || memcmp(p + h->body, "HTTP/", 5))
            return 1;
        at = h->body;
        warc_http_reset(h);
    }
}

/* A chunk-size line at P: hex digits, maybe an extension, then LF. Its
 * length into *LEN and the size into *SIZE; false when P holds none. */
static bool warc_chunk_line(const char *p, size_t n, unsigned long long *size, size_t *len)
{
    size_t i = 0;
    unsigned long long v = 0;
    while (i < n && i < 15) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            break;
        v = v * 16 + (unsigned)d;
        i++;
    }
    if (i == 0 || i >= n)
        return false;
    if (p[i] != '\r' && p[i] != '\n' && p[i] != ';' && p[i] != ' ' && p[i] != '\t')
        return false;
    const char *nl = memchr(p + i, '\n', n - i < 1024 ? n - i : 1024);
    if (!nl)
        return false;
    *size = v;
    *len = (size_t)(nl - p) + 1;
    return true;
}

bool warc_http_dechunk(const char *p, size_t n, buf_t *out, buf_t *why)
{
    unsigned long long size;
    size_t len;
    if (!warc_chunk_line(p, n, &size, &len)) {
        buf_add(out, p, n);
        return true;
    }
    size_t i = 0;
    for (;;) {
        if (i == n)
            return true;   /* cut after a whole chunk: what came is whole */
        if (!warc_chunk_line(p + i, n - i, &size, &len)) {
            buf_printf(why, "chunked body: no chunk size at byte %zu", i);
            return false;
        }
        i += len;
        if (size == 0)
            return true;
        if (size > n - i) {
            buf_printf(why, "chunked body: a chunk of %llu bytes at byte %zu runs past its end", size, i);
            return false;
        }
        buf_add(out, p + i, (size_t)size);
        i += (size_t)size;
        if (i + 1 < n && p[i] == '\r' && p[i + 1] == '\n')
            i += 2;
        else if (i < n && p[i] == '\n')
            i++;
        else if (i < n) {
            buf_printf(why, "chunked body: no line end after the chunk that ends at byte %zu", i);
            return false;
        }
    }
}

static bool warc_inflate(const char *coding, const unsigned char *p, size_t n, int wbits, buf_t *out,
                         buf_t *why)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, wbits) != Z_OK) {
        buf_puts(why, "cannot start zlib");
        return false;
    }
    z.next_in = (unsigned char *)p;
    z.avail_in = (unsigned)n;
    unsigned char chunk[65536];
    bool ok = false;
    for (;;) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        int rc = inflate(&z, Z_NO_FLUSH);
        buf_add(out, chunk, sizeof chunk - z.avail_out);
        if ((long long)out->len > WARC_PAYLOAD_MAX) {
            buf_printf(why, "Content-Encoding %s: over %lld MiB when inflated", coding,
                       WARC_PAYLOAD_MAX >> 20);
            break;
        }
        if (rc == Z_STREAM_END) {
            /* Some servers send several gzip members one after another. */
            if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b && wbits > 15) {
                inflateReset(&z);
                continue;
            }
            ok = true;
            break;
        }
        if (rc == Z_BUF_ERROR) {
            buf_printf(why, "Content-Encoding %s: the body is cut short", coding);
            break;
        }
        if (rc != Z_OK) {
            buf_printf(why, "Content-Encoding %s: the body is damaged (%s)", coding, z.msg ? z.msg : "zlib error");
            break;
        }
    }
    inflateEnd(&z);
    return ok;
}

bool warc_http_decode(const char *coding, const char *p, size_t n, buf_t *out, buf_t *why)
{
    const unsigned char *u = (const unsigned char *)p;
    if (!*coding || !strcmp(coding, "identity")) {
        buf_add(out, p, n);
        return true;
    }
    if ((long long)n > WARC_PAYLOAD_MAX) {
        buf_printf(why, "Content-Encoding %s: a body of %zu bytes is too big", coding, n);
        return false;
    }
    if (!strcmp(coding, "gzip") || !strcmp(coding, "x-gzip")) {
        /* Some crawlers store the body inflated but keep the header. */
        if (n < 2 || u[0] != 0x1f || u[1] != 0x8b) {
            buf_add(out, p, n);
            return true;
        }
        return warc_inflate(coding, u, n, 16 + MAX_WBITS, out, why);
    }
    if (!strcmp(coding, "deflate")) {
        /* Meant as zlib (RFC 1950), often sent as raw deflate. */
        bool zlib = n >= 2 && (u[0] & 0x0f) == 8 && ((u[0] << 8) | u[1]) % 31 == 0;
        return warc_inflate(coding, u, n, zlib ? MAX_WBITS : -MAX_WBITS, out, why);
    }
    buf_printf(why, "Content-Encoding %s is not read", coding);
    return false;
}

bool warc_http_payload(const warc_http *h, const char *p, size_t n, buf_t *out, buf_t *why)
{
    if (!h->chunked)
        return warc_http_decode(h->coding.data ? h->coding.data : "", p, n, out, why);
    buf_t plain;
    buf_init(&plain);
    bool ok = warc_http_dechunk(p, n, &plain, why) &&
              warc_http_decode(h->coding.data ? h->coding.data : "", plain.data ? plain.data : "",
                               plain.len, out, why);
    buf_free(&plain);
    return ok;
}

bool warc_looks_html(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    static const char *const starts[] = { "<!doctype html", "<html", "<head", "<body", "<meta", "<title" };
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t l = strlen(starts[k]);
        if (n - i >= l && !strncasecmp(p + i, starts[k], l))
            return true;
    }
    /* A comment or a script first: look a little further for the root. */
    size_t end = n < 1024 ? n : 1024;
    for (; i + 5 <= end; i++)
        if (!strncasecmp(p + i, "<html", 5))
            return true;
    return false;
}
