#include "epub/epub_internal.h"
#include "util/hex.h"

#include <string.h>
#include <strings.h>

/* An article's URLs. Its links point out of the book: anything that would
 * point into it (a relative path, a #fragment: the pages it named are not
 * in the book, and ids do not survive cleaning) or run code is dropped, and
 * the rest is made a URI that epubcheck accepts. A local image's src is a
 * URL too, decoded to name its file. */

bool epub_percent_decode(const char *s, size_t n, buf_t *out)
{
    buf_add(out, "", 0);
    for (const char *end = s + n; s < end; s++) {
        if (*s != '%') {
            buf_putc(out, *s);
            continue;
        }
        int hi = end - s > 2 ? hex_digit((unsigned char)s[1]) : -1;
        int lo = hi < 0 ? -1 : hex_digit((unsigned char)s[2]);
        if (lo < 0)
            return false;
        buf_putc(out, (char)(hi << 4 | lo));
        s += 2;
    }
    return true;
}

static const char *const epub_link_schemes[] = { "http", "https", "ftp", "mailto", "tel", NULL };

static bool epub_link_scheme_ok(const char *href, size_t n)
{
    for (const char *const *s = epub_link_schemes; *s; s++)
        if (strlen(*s) == n && strncasecmp(href, *s, n) == 0)
            return true;
    return false;
}

static bool epub_is_hex(char c)
{
    return c && strchr("0123456789abcdefABCDEF", c);
}

char *epub_link_href(const char *href)
{
    while (*href && strchr(" \t\r\n", *href))
        href++;
    size_t scheme = strcspn(href, ":/?#");
    if (href[scheme] != ':' || !epub_link_scheme_ok(href, scheme))
        return NULL;
    buf_t out;
    buf_init(&out);
    size_t len = strlen(href);
    while (len && strchr(" \t\r\n", href[len - 1]))
        len--;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)href[i];
        bool stray_percent = c == '%' && !(epub_is_hex(href[i + 1]) && epub_is_hex(href[i + 2]));
        if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", c) || stray_percent)
            buf_printf(&out, "%%%02X", c);
        else
            buf_putc(&out, (char)c);
    }
    return buf_detach(&out);
}
