/* Framing WARC records: version line, header block, block, CRLF CRLF; and
 * finding the next record after one that does not hold together. */
#include "capture/warc/warc_record.h"
#include "capture/mime/mime_header.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void warc_record_init(warc_record *r)
{
    memset(r, 0, sizeof *r);
    buf_init(&r->head);
    buf_init(&r->type);
    buf_init(&r->uri);
    buf_init(&r->content_type);
    buf_init(&r->line);
}

void warc_record_free(warc_record *r)
{
    buf_free(&r->head);
    buf_free(&r->type);
    buf_free(&r->uri);
    buf_free(&r->content_type);
    buf_free(&r->line);
}

void warc_record_name(const warc_record *r, buf_t *out)
{
    buf_printf(out, "record %ld at ", r->ordinal);
    warc_pos_name(r->at, out);
    if (r->uri.len)
        buf_printf(out, " (%s)", r->uri.data);
}

static int warc_refuse(const warc_record *r, buf_t *why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int warc_refuse(const warc_record *r, buf_t *why, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    warc_record_name(r, why);
    buf_printf(why, ": %s", msg);
    return -1;
}

static void warc_trim_line(const buf_t *line, char *out, size_t cap)
{
    size_t n = line->len;
    while (n && (line->data[n - 1] == '\n' || line->data[n - 1] == '\r' ||
                 line->data[n - 1] == ' ' || line->data[n - 1] == '\t'))
        n--;
    n = n < cap - 1 ? n : cap - 1;
    memcpy(out, line->data, n);
    out[n] = '\0';
}

/* The version line just read: 0 when it is WARC/1.0 or WARC/1.1. */
static int warc_check_version(const warc_record *r, buf_t *why)
{
    char v[40];
    warc_trim_line(&r->line, v, sizeof v);
    if (!strcmp(v, "WARC/1.0") || !strcmp(v, "WARC/1.1"))
        return 0;
    bool warc = !strncmp(v, "WARC/", 5);
    /* Printable bytes only: this may be any binary file. */
    for (char *p = v; *p; p++)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
            *p = '?';
    if (r->ordinal == 1) {
        if (warc)
            buf_printf(why, "%s is not read, only WARC/1.0 and WARC/1.1", v);
        else
            buf_puts(why, "not a WARC file: it does not start with a WARC/1.0 or WARC/1.1 line");
        return -2;
    }
    if (warc)
        return warc_refuse(r, why, "%s is not read, only WARC/1.0 and WARC/1.1", v);
    return warc_refuse(r, why, "no WARC/1.0 or WARC/1.1 line where the record should start");
}

static bool warc_header(const warc_record *r, const char *name, buf_t *out)
{
    return mime_header_get(r->head.data, r->head.len, name, out);
}

/* Content-Length: decimal digits and nothing else. */
static bool warc_parse_length(const char *s, long long *out)
{
    long long n = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > (0x7fffffffffffffffLL - 9) / 10)
            return false;
        n = n * 10 + (*s - '0');
    }
    *out = n;
    return true;
}

static int warc_read_head(warc_input *in, warc_record *r, buf_t *why)
{
    for (;;) {
        int k = warc_input_line(in, &r->line, WARC_HEADER_MAX);
        if (k < 0)
            return warc_refuse(r, why, "%s", warc_input_why(in));
        if (k == 0)
            return warc_refuse(r, why, "the input ends inside the header block");
        if (r->head.len + r->line.len >= WARC_HEADER_MAX)
            return warc_refuse(r, why, "the header block does not end within %d KiB", WARC_HEADER_MAX / 1024);
        buf_add(&r->head, r->line.data, r->line.len);
        if (!strcmp(r->line.data, "\r\n") || !strcmp(r->line.data, "\n"))
            return 0;
    }
}

/* The fields of the header block just read that the reader needs. */
static int warc_parse_head(warc_record *r, buf_t *why)
{
    buf_t value;
    buf_init(&value);
    if (warc_header(r, "WARC-Target-URI", &value)) {
        const char *s = value.data;
        size_t n = value.len;
        if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
            s++;
            n -= 2;
        }
        buf_add(&r->uri, s, n);
    }
    if (warc_header(r, "Content-Type", &value))
        buf_add(&r->content_type, value.data, value.len);
    int rc = 0;
    if (!warc_header(r, "WARC-Type", &value) || !value.len) {
        rc = warc_refuse(r, why, "no WARC-Type header");
    } else {
        for (size_t i = 0; i < value.len; i++) {
            char c = value.data[i];
            buf_putc(&r->type, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
        }
        if (!warc_header(r, "Content-Length", &value))
            rc = warc_refuse(r, why, "no Content-Length header");
        else if (!warc_parse_length(value.data, &r->length))
            rc = warc_refuse(r, why, "Content-Length \"%.40s\" is not a number of bytes", value.data);
    }
    buf_free(&value);
    if (rc != 0)
        return rc;
    if (!r->uri.data)
        buf_puts(&r->uri, "");
    if (!r->content_type.data)
        buf_puts(&r->content_type, "");
    return 0;
}

int warc_record_begin(warc_input *in, warc_record *r, buf_t *why)
{
    buf_reset(&r->head);
    buf_reset(&r->type);
    buf_reset(&r->uri);
    buf_reset(&r->content_type);
    r->length = r->left = 0;
    if (r->pending) {
        r->pending = false;
        r->at = r->pending_at;
    } else {
        /* Writers differ in the blank lines they leave between records. */
        int ch;
        while ((ch = warc_input_peek(in)) == '\r' || ch == '\n')
            warc_input_read(in, NULL, 1);
        r->at = warc_input_tell(in);
        int k = warc_input_line(in, &r->line, 64);
        if (k == 0)
            return 0;
        if (k < 0) {
            r->after_version = r->at;
            /* Nothing of a record came: the damage is no record's. */
            if (!r->line.len) {
                if (r->ordinal)
                    buf_printf(why, "after record %ld: ", r->ordinal);
                buf_puts(why, warc_input_why(in));
                return -1;
            }
            r->ordinal++;
            return warc_refuse(r, why, "%s", warc_input_why(in));
        }
    }
    r->ordinal++;
    r->after_version = warc_input_tell(in);
    int v = warc_check_version(r, why);
    if (v != 0)
        return v;
    if (warc_read_head(in, r, why) != 0)
        return -1;

    if (warc_parse_head(r, why) != 0)
        return -1;
    r->left = r->length;
    return 1;
}

long long warc_record_read(warc_input *in, warc_record *r, buf_t *out, long long max, buf_t *why)
{
    long long want = r->left < max ? r->left : max;
    long long got = 0;
    char chunk[16384];
    while (got < want) {
        size_t step = want - got < (long long)sizeof chunk ? (size_t)(want - got) : sizeof chunk;
        long k = warc_input_read(in, out ? chunk : NULL, step);
        if (k > 0) {
            if (out)
                buf_add(out, chunk, (size_t)k);
            got += k;
            r->left -= k;
        }
        if ((size_t)k < step) {
            if (warc_input_why(in))
                return warc_refuse(r, why, "%s", warc_input_why(in));
            return warc_refuse(r, why, "the input ends after %lld of the block's %lld bytes (Content-Length)",
                               r->length - r->left, r->length);
        }
    }
    return got;
}

int warc_record_end(warc_input *in, warc_record *r, buf_t *why)
{
    if (r->left > 0 && warc_record_read(in, r, NULL, r->left, why) < 0)
        return -1;
    char tail[4];
    long k = warc_input_read(in, tail, sizeof tail);
    if (k == 4 && !memcmp(tail, "\r\n\r\n", 4))
        warc_input_settle(in);
    if (warc_input_why(in))
        return warc_refuse(r, why, "%s", warc_input_why(in));
    if (k == 4 && !memcmp(tail, "\r\n\r\n", 4))
        return 0;
    if (k == 0)
        return warc_refuse(r, why, "the input ends after the block, without the CRLF CRLF that ends a record");
    return warc_refuse(r, why, "Content-Length %lld does not fit the block: no CRLF CRLF after it", r->length);
}

bool warc_record_recover(warc_input *in, warc_record *r)
{
    r->pending = false;
    if (warc_input_why(in))
        return warc_input_recover(in);
    /* Search from just past the refused record's version line: a
     * Content-Length too long may have run over the next record's start. */
    if (warc_input_seek(in, r->after_version) != 0)
        return false;
    for (;;) {
        warc_pos at = warc_input_tell(in);
        int k = warc_input_line(in, &r->line, 16);
        /* At the end, or on a break, the next warc_record_begin says so. */
        if (k <= 0)
            return true;
        if (r->line.len >= 7 && !memcmp(r->line.data, "WARC/1.", 7)) {
            r->pending = true;
            r->pending_at = at;
            return true;
        }
    }
}

int warc_record_seek(warc_input *in, warc_record *r, warc_pos at)
{
    r->pending = false;
    return warc_input_seek(in, at);
}
