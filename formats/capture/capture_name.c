/* Output names for captured pages: <host>/<path> from the page's address,
 * made safe to use as a relative path on any Unix file system. */
#include "capture/capture.h"
#include "util/hash.h"

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

/* Append the path segments of P (N bytes, '/'-separated) to OUT, each made
 * safe: no ".", "..", empty or hidden segment, no byte a shell or a file
 * system treats specially. LAST_EXT drops a page extension from the last. */
static void name_add_segments(const char *p, size_t n, bool last_ext, buf_t *out)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '/' && p[j] != '\\')
            j++;
        size_t len = j - i;
        bool last = j >= n;
        if (last && last_ext)
            name_has_page_ext(p + i, len, &len);
        if (len && !(len == 1 && p[i] == '.') && !(len == 2 && p[i] == '.' && p[i + 1] == '.')) {
            if (out->len && out->data[out->len - 1] != '/')
                buf_putc(out, '/');
            if (p[i] == '.')
                buf_putc(out, '_');
            for (size_t k = 0; k < len && k < NAME_SEGMENT_MAX; k++) {
                unsigned char ch = (unsigned char)p[i + k];
                bool ok = ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || strchr("._-+,=@~", ch);
                buf_putc(out, ok ? (char)ch : '_');
            }
        }
        i = j + 1;
    }
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
    name_add_segments(path, plen, true, out);
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
    name_add_segments(rel, strlen(rel), !record, out);
    if (record) {
        /* "pages.zip" holds "a/b.html": pages.zip/a/b, kept apart from a
         * folder named "pages" beside it. */
        name_add_segments(record, strlen(record), true, out);
    }
    if (!out->len)
        buf_puts(out, "page");
}
