/* A WARC file as one stream of bytes: plain, or gzip members inflated one
 * after another (zlib, gzip framing), with places that can be gone back to
 * and a way past a damaged member. */
#include "capture/warc/warc_input.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { WARC_CHUNK = 65536 };

struct warc_input {
    FILE *f;                    /* the file, or NULL for bytes in memory */
    const unsigned char *mem;
    size_t mem_len;
    bool gz;
    /* Compressed bytes: z.next_in points into RAW (or into MEM), whose
     * first byte is at RAW_BASE in the file and which holds RAW_LEN bytes. */
    unsigned char raw[WARC_CHUNK];
    const unsigned char *raw_ptr;
    long long raw_base;
    size_t raw_len;
    z_stream z;
    bool z_ready;
    /* Bytes of the stream, read from OUT_POS up to OUT_LEN. OUT_BASE is
     * the place of out[0]: the file offset when plain, the uncompressed
     * offset within the current member when gzipped. */
    unsigned char out[WARC_CHUNK];
    size_t out_pos, out_len;
    long long out_base;
    long long member;           /* where the current gzip member starts */
    bool member_done;           /* its end is inflated... */
    long long member_end;       /* ...and the next may start here */
    bool broken;
    buf_t why;
};

static int warc_input_break(warc_input *in, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int warc_input_break(warc_input *in, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    buf_reset(&in->why);
    buf_puts(&in->why, msg);
    in->broken = true;
    return -1;
}

/* Up to N bytes of the file from where it was left (OFF for memory). */
static long warc_source_read(warc_input *in, long long off, void *dst, size_t n)
{
    if (!in->f) {
        if (off < 0 || (unsigned long long)off >= in->mem_len)
            return 0;
        size_t k = in->mem_len - (size_t)off;
        k = k < n ? k : n;
        memcpy(dst, in->mem + off, k);
        return (long)k;
    }
    size_t k = fread(dst, 1, n, in->f);
    if (k < n && ferror(in->f))
        return warc_input_break(in, "read error: %s", strerror(errno));
    return (long)k;
}

static int warc_source_seek(warc_input *in, long long off)
{
    if (in->f && fseeko(in->f, (off_t)off, SEEK_SET) != 0)
        return warc_input_break(in, "cannot seek to offset %lld: %s", off, strerror(errno));
    return 0;
}

/* The next compressed bytes into z.next_in: 1, 0 at the end of the file, -1. */
static int warc_raw_fill(warc_input *in)
{
    in->raw_base += (long long)in->raw_len;
    in->raw_len = 0;
    if (!in->f) {
        /* Memory is inflated where it lies, a bounded piece at a time
         * because avail_in is an unsigned int. */
        size_t left = (unsigned long long)in->raw_base < in->mem_len ? in->mem_len - (size_t)in->raw_base : 0;
        in->raw_ptr = in->mem + (left ? in->raw_base : 0);
        in->raw_len = left < (1u << 30) ? left : (1u << 30);
    } else {
        long k = warc_source_read(in, in->raw_base, in->raw, sizeof in->raw);
        if (k < 0)
            return -1;
        in->raw_ptr = in->raw;
        in->raw_len = (size_t)k;
    }
    in->z.next_in = (unsigned char *)in->raw_ptr;
    in->z.avail_in = (unsigned)in->raw_len;
    return in->raw_len > 0;
}

/* Where in the file the next compressed byte lies. */
static long long warc_raw_offset(const warc_input *in)
{
    return in->raw_base + (long long)(in->z.next_in - in->raw_ptr);
}

static int warc_fill_plain(warc_input *in)
{
    in->out_base += (long long)in->out_len;
    in->out_pos = in->out_len = 0;
    long k = warc_source_read(in, in->out_base, in->out, sizeof in->out);
    if (k < 0)
        return -1;
    in->out_len = (size_t)k;
    return k > 0;
}

/* Inflate more into OUT. CROSS goes on into the next member when this
 * one is done; without it, a member's end is the end. */
static int warc_fill_gzip(warc_input *in, bool cross)
{
    in->out_base += (long long)in->out_len;
    in->out_pos = in->out_len = 0;
    for (;;) {
        if (in->member_done) {
            if (!cross)
                return 0;
            if (in->z.avail_in == 0) {
                int r = warc_raw_fill(in);
                if (r <= 0)
                    return r;
            }
            in->member = warc_raw_offset(in);
            in->out_base = 0;
            in->member_done = false;
            inflateReset(&in->z);
        }
        if (in->z.avail_in == 0) {
            int r = warc_raw_fill(in);
            if (r < 0)
                return -1;
            if (r == 0)
                return warc_input_break(in, "truncated gzip member at offset %lld", in->member);
        }
        in->z.next_out = in->out;
        in->z.avail_out = sizeof in->out;
        int rc = inflate(&in->z, Z_NO_FLUSH);
        in->out_len = sizeof in->out - in->z.avail_out;
        if (rc == Z_STREAM_END) {
            in->member_done = true;
            in->member_end = warc_raw_offset(in);
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            return warc_input_break(in, "damaged gzip member at offset %lld (%s)", in->member,
                                    in->z.msg ? in->z.msg : "zlib error");
        }
        if (in->out_len)
            return 1;
    }
}

/* Make sure OUT holds a byte to read: 1, 0 at the end, -1 on a break. */
static int warc_fill(warc_input *in)
{
    if (in->out_pos < in->out_len)
        return 1;
    if (in->broken)
        return -1;
    return in->gz ? warc_fill_gzip(in, true) : warc_fill_plain(in);
}

warc_input *warc_input_open(const char *path, const void *mem, size_t len, buf_t *why)
{
    warc_input *in = xcalloc(1, sizeof *in);
    buf_init(&in->why);
    unsigned char magic[2] = { 0, 0 };
    if (path) {
        in->f = fopen(path, "rb");
        if (!in->f) {
            buf_printf(why, "%s", strerror(errno));
            free(in);
            return NULL;
        }
        size_t k = fread(magic, 1, 2, in->f);
        (void)k;
        rewind(in->f);
    } else {
        in->mem = mem;
        in->mem_len = len;
        if (len >= 2)
            memcpy(magic, mem, 2);
    }
    in->gz = magic[0] == 0x1f && magic[1] == 0x8b;
    if (in->gz) {
        if (inflateInit2(&in->z, 16 + MAX_WBITS) != Z_OK) {
            buf_puts(why, "cannot start zlib");
            warc_input_close(in);
            return NULL;
        }
        in->z_ready = true;
        in->raw_ptr = in->raw;
        in->member_done = true;   /* the first member starts at 0 */
    }
    return in;
}

void warc_input_close(warc_input *in)
{
    if (!in)
        return;
    if (in->f)
        fclose(in->f);
    if (in->z_ready)
        inflateEnd(&in->z);
    buf_free(&in->why);
    free(in);
}

bool warc_input_gzipped(const warc_input *in)
{
    return in->gz;
}

long warc_input_read(warc_input *in, void *dst, size_t n)
{
    size_t got = 0;
    while (got < n) {
        if (warc_fill(in) <= 0)
            break;
        size_t k = in->out_len - in->out_pos;
        k = k < n - got ? k : n - got;
        if (dst)
            memcpy((unsigned char *)dst + got, in->out + in->out_pos, k);
        in->out_pos += k;
        got += k;
    }
    return (long)got;
}

int warc_input_line(warc_input *in, buf_t *line, size_t max)
{
    buf_reset(line);
    bool any = false;
    for (;;) {
        int r = warc_fill(in);
        if (r < 0)
            return -1;
        if (r == 0)
            return any;
        any = true;
        const unsigned char *p = in->out + in->out_pos;
        size_t avail = in->out_len - in->out_pos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t k = nl ? (size_t)(nl - p) + 1 : avail;
        if (line->len < max) {
            size_t keep = max - line->len < k ? max - line->len : k;
            buf_add(line, p, keep);
        }
        in->out_pos += k;
        if (nl)
            return 1;
    }
}

int warc_input_peek(warc_input *in)
{
    return warc_fill(in) > 0 ? in->out[in->out_pos] : -1;
}

void warc_input_settle(warc_input *in)
{
    if (in->gz && !in->broken && in->out_pos == in->out_len && !in->member_done)
        warc_fill_gzip(in, false);
}

warc_pos warc_input_tell(const warc_input *in)
{
    warc_pos at = { 0, 0 };
    if (!in->gz) {
        at.member = in->out_base + (long long)in->out_pos;
    } else if (in->out_pos == in->out_len && in->member_done) {
        at.member = in->member_end;
    } else {
        at.member = in->member;
        at.inner = in->out_base + (long long)in->out_pos;
    }
    return at;
}

int warc_input_seek(warc_input *in, warc_pos at)
{
    in->broken = false;
    buf_reset(&in->why);
    in->out_pos = in->out_len = 0;
    if (!in->gz) {
        in->out_base = at.member + at.inner;
        return warc_source_seek(in, in->out_base);
    }
    if (warc_source_seek(in, at.member) != 0)
        return -1;
    in->raw_base = at.member;
    in->raw_len = 0;
    in->raw_ptr = in->raw;
    in->z.next_in = in->raw;
    in->z.avail_in = 0;
    in->out_base = 0;
    in->member = in->member_end = at.member;
    in->member_done = true;
    if (at.inner > 0) {
        long long left = at.inner;
        while (left > 0) {
            size_t step = left < (long long)WARC_CHUNK ? (size_t)left : WARC_CHUNK;
            long k = warc_input_read(in, NULL, step);
            if (k <= 0)
                return in->broken ? -1 : warc_input_break(in, "offset %lld is past the end", at.member);
            left -= k;
        }
    }
    return 0;
}

const char *warc_input_why(const warc_input *in)
{
    return in->broken ? in->why.data : NULL;
}

/* A gzip member starts 1f 8b, method 8 (deflate), no reserved flag set. */
static bool warc_gzip_header_at(const unsigned char *p)
{
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[3] & 0xe0) == 0;
}

bool warc_input_recover(warc_input *in)
{
    if (!in->gz)
        return false;
    long long from = in->member + 1;
    unsigned char chunk[WARC_CHUNK];
    for (;;) {
        in->broken = false;
        if (warc_source_seek(in, from) != 0)
            return false;
        long k = warc_source_read(in, from, chunk, sizeof chunk);
        if (k < 4)
            return false;
        for (long i = 0; i + 4 <= k; i++) {
            if (warc_gzip_header_at(chunk + i)) {
                warc_pos at = { from + i, 0 };
                return warc_input_seek(in, at) == 0;
            }
        }
        /* A header may straddle two chunks: the next starts 3 bytes back. */
        from += k - 3;
    }
}

void warc_pos_name(warc_pos at, buf_t *out)
{
    if (at.inner)
        buf_printf(out, "byte %lld of the gzip member at offset %lld", at.inner, at.member);
    else
        buf_printf(out, "offset %lld", at.member);
}
