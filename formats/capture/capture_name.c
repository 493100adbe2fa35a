/* Output names for captured pages: <host>/<path> from the page's address,
 * made safe to use as a relative path on any Unix file system. */
#include "capture/capture.h"
#include "util/hash.h"
#include "util/utf8.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Segments longer than this are cut: file systems allow 255 bytes, and the
 * writers add an extension and a counter. */
enum { NAME_SEGMENT_MAX = 180 };

static bool name_has_page_ext(const char *seg, size_t n, size_t *cut)
{
    static const char *const exts[] = { ".html", ".htm", ".shtml", ".xhtml", ".mhtml", ".mht",
                                        ".php", ".asp", ".aspx", ".jsp", ".do", ".cgi" };
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && !strncasecmp(seg + n - e, exts[i], e)) {
            *cut = n - e;
            return true;
        }
    }
    return false;
}

static int name_hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* SEG (N bytes) with its %XX escapes decoded into OUT, when what they spell
 * is UTF-8: an address's 维基百科 is a name a person reads, its
 * %E7%BB%B4%E5%9F%BA... is not. Returns false, OUT empty, when it is not. */
static bool name_unescape(const char *seg, size_t n, buf_t *out)
{
    buf_reset(out);
    bool escaped = false;
    for (size_t k = 0; k < n; k++) {
        if (seg[k] == '%' && k + 2 < n && name_hex(seg[k + 1]) >= 0 && name_hex(seg[k + 2]) >= 0) {
            buf_putc(out, (char)(name_hex(seg[k + 1]) * 16 + name_hex(seg[k + 2])));
            k += 2;
            escaped = true;
        } else {
            buf_putc(out, seg[k]);
        }
    }
    for (size_t k = 0, bad; escaped && k < out->len;) {
        size_t step = utf8_sequence((const unsigned char *)out->data + k, out->len - k, &bad);
        if (!step || (step == 1 && (unsigned char)out->data[k] < 0x20)) {
            escaped = false;
            break;
        }
        k += step;
    }
    if (!escaped)
        buf_reset(out);
    return escaped;
}

/* Append the segment SEG (N bytes) to OUT made safe: no ".", "..", empty or
 * hidden segment, no byte a shell or a file system treats specially, at
 * most NAME_SEGMENT_MAX bytes, cut between characters. LAST_EXT drops a
 * page extension. */
static void name_add_segment(const char *seg, size_t len, bool last_ext, buf_t *out)
{
    if (last_ext)
        name_has_page_ext(seg, len, &len);
    if (!len || (len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.'))
        return;
    if (out->len && out->data[out->len - 1] != '/')
        buf_putc(out, '/');
    if (seg[0] == '.')
        buf_putc(out, '_');
    size_t keep = len < NAME_SEGMENT_MAX ? len : NAME_SEGMENT_MAX;
    while (keep < len && keep && ((unsigned char)seg[keep] & 0xC0) == 0x80)
        keep--;   /* not inside a UTF-8 sequence */
    for (size_t k = 0; k < keep; k++) {
        unsigned char ch = (unsigned char)seg[k];
        bool ok = ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || strchr("._-+,=@~", ch);
        buf_putc(out, ok ? (char)ch : '_');
    }
}

/* Append the path segments of P (N bytes, '/'-separated) to OUT, each made
 * safe. LAST_EXT drops a page extension from the last; UNESCAPE reads the
 * segments as an address's, %XX escapes decoded where they spell UTF-8. */
static void name_add_segments(const char *p, size_t n, bool last_ext, bool unescape, buf_t *out)
{
    buf_t plain;
    buf_init(&plain);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '/' && p[j] != '\\')
            j++;
        bool last = j >= n;
        if (unescape && name_unescape(p + i, j - i, &plain))
            name_add_segment(plain.data, plain.len, last && last_ext, out);
        else
            name_add_segment(p + i, j - i, last && last_ext, out);
        i = j + 1;
    }
    buf_free(&plain);
}

static bool name_from_url(const char *url, buf_t *out)
{
    const char *s = strstr(url, "://");
    if (!s)
        return false;
    s += 3;
    size_t h = strcspn(s, "/?#");
    const char *at = memchr(s, '@', h);   /* user:password@ is no part of a name */
    if (at) {
        h -= (size_t)(at + 1 - s);
        s = at + 1;
    }
    size_t host_len = h;
    const char *colon = memchr(s, ':', h);
    if (colon)
        host_len = (size_t)(colon - s);
    if (!host_len)
        return false;
    size_t start = out->len;
    for (size_t i = 0; i < host_len; i++) {
        char ch = s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
                  (unsigned char)ch >= 0x80;
        buf_putc(out, ok ? ch : '_');
    }
    if (out->data[start] == '.')
        out->data[start] = '_';
    const char *path = s + h;
    size_t plen = strcspn(path, "?#");
    size_t before = out->len;
    name_add_segments(path, plen, true, true, out);
    bool dir = plen == 0 || path[plen - 1] == '/' || out->len == before;
    if (dir)
        buf_puts(out, "/index");
    if (path[plen] == '?') {
        const char *q = path + plen + 1;
        size_t qlen = strcspn(q, "#");
        if (qlen)
            buf_printf(out, "_%08x", (unsigned)hash_fnv1a(HASH_FNV1A_START, q, qlen));
    }
    return true;
}

void capture_output_name(const char *url, const char *input, const char *root,
                         const char *record, buf_t *out)
{
    buf_reset(out);
    if (url && name_from_url(url, out))
        return;
    buf_reset(out);
    const char *rel = input ? input : "stdin";
    size_t rl = root ? strlen(root) : 0;
    while (rl && root[rl - 1] == '/')
        rl--;
    if (root && rl && !strncmp(rel, root, rl) && rel[rl] == '/')
        rel += rl + 1;
    else if (root && !strcmp(rel, root)) {
        const char *slash = strrchr(rel, '/');
        rel = slash ? slash + 1 : rel;
    }
    name_add_segments(rel, strlen(rel), !record, false, out);
    if (record) {
        /* "pages.zip" holds "a/b.html": pages.zip/a/b, kept apart from a
         * folder named "pages" beside it. */
        name_add_segments(record, strlen(record), true, false, out);
    }
    if (!out->len)
        buf_puts(out, "page");
}
