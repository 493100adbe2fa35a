/* Charset detection and decoding for captured pages.
 *
 * The pages folio reads are mostly Chinese bulletins, and their labels lie
 * often: portals re-save UTF-8 pages under a stale gb2312 meta, mirror Big5
 * pages under a GB label, or declare latin1 over GBK bytes. So the bytes
 * are trusted before the label, and the label before guessing. */
#include "charset/charset_int.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <string.h>

/* ---- UTF-8 ----------------------------------------------------------- */

/* Runs over whole pages on every call, so ASCII goes eight bytes a step
 * and the commonest sequences skip the general check. */
static void utf8_scan(const unsigned char *p, size_t n, charset_utf8_stats *st)
{
    size_t i = 0;
    memset(st, 0, sizeof *st);
    while (i < n) {
        i = charset_skip_ascii(p, i, n);
        if (i >= n)
            break;
        if (charset_utf8_common3(p, i, n)) {
            size_t start = i;
            do
                i += 3;
            while (charset_utf8_common3(p, i, n));
            st->multibyte += (i - start) / 3;
            st->wide += (i - start) / 3;
            continue;
        }
        size_t bad, k = utf8_sequence(p + i, n - i, &bad);
        if (k) {
            st->multibyte++;
            st->wide += k > 2;
            i += k;
        } else {
            st->invalid++;
            st->truncated = i + bad == n && st->invalid == 1;
            i += bad;
            /* More broken than whole sequences: another charset, not
             * damaged UTF-8, and the rest of the page cannot change that
             * verdict enough to be worth reading. */
            if (st->invalid >= 64 && st->invalid > st->multibyte)
                return;
        }
    }
}

/* ---- Declarations ---------------------------------------------------- */

/* A meta declaration belongs in the head, but portals put kilobytes of
 * script and style before it, so the scan goes further than the 1024 bytes
 * a browser's prescan reads, and stops at <body. */
#define META_SCAN_LIMIT 16384

static bool starts_ci(const unsigned char *p, const unsigned char *end, const char *s)
{
    for (; *s; p++, s++)
        if (p >= end || charset_ascii_lower((char)*p) != *s)
            return false;
    return true;
}

static const unsigned char *find_ci(const unsigned char *p, const unsigned char *end,
                                    const char *s)
{
    for (; p < end; p++)
        if (charset_ascii_lower((char)*p) == s[0] && starts_ci(p, end, s))
            return p;
    return NULL;
}

/* After an attribute name: optional spaces, '=', optional spaces and
 * quotes, then the label up to the next delimiter. */
static const char *label_after(const unsigned char *p, const unsigned char *end)
{
    while (p < end && charset_is_space(*p))
        p++;
    if (p >= end || *p != '=')
        return NULL;
    p++;
    while (p < end && (charset_is_space(*p) || *p == '"' || *p == '\''))
        p++;
    char label[48];
    size_t n = 0;
    while (p < end && n < sizeof label - 1 &&
           ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
            *p == '.' || *p == ':'))
        label[n++] = (char)*p++;
    label[n] = '\0';
    return n ? charset_canonical(label) : NULL;
}

/* Every occurrence of NAME= inside [p, end) until one names a known
 * charset: covers charset="x", charset = 'x' and content="...; charset=x". */
static const char *attr_label(const unsigned char *p, const unsigned char *end,
                              const char *name)
{
    size_t len = strlen(name);
    while ((p = find_ci(p, end, name)) != NULL) {
        const char *cs = label_after(p + len, end);
        if (cs)
            return cs;
        p += len;
    }
    return NULL;
}

/* The end of the tag starting at P: the first '>' outside quotes. */
static const unsigned char *tag_end(const unsigned char *p, const unsigned char *end)
{
    unsigned char q = 0;
    for (; p < end; p++) {
        if (q) {
            if (*p == q)
                q = 0;
        } else if (*p == '"' || *p == '\'')
            q = *p;
        else if (*p == '>')
            return p;
    }
    return end;
}

static const char *declared_charset(const unsigned char *d, size_t n)
{
    const unsigned char *p = d, *end = d + (n < META_SCAN_LIMIT ? n : META_SCAN_LIMIT);
    if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        p += 3;
    while (p < end && charset_is_space(*p))
        p++;
    if (starts_ci(p, end, "<?xml")) {
        const unsigned char *close = find_ci(p, end, "?>");
        const char *cs = attr_label(p, close ? close : end, "encoding");
        if (cs)
            return cs;
    }
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if (starts_ci(p, end, "<!--")) {
            const unsigned char *c = find_ci(p + 4, end, "-->");
            if (!c)
                break;
            p = c + 3;
        } else if (starts_ci(p, end, "<meta") && p + 5 < end &&
                   (charset_is_space(p[5]) || p[5] == '/')) {
            const unsigned char *e = tag_end(p + 5, end);
            const char *cs = attr_label(p + 5, e, "charset");
            if (cs)
                return cs;
            p = e;
        } else if (starts_ci(p, end, "<body") && p + 5 < end &&
                   (charset_is_space(p[5]) || p[5] == '>')) {
            break;
        } else
            p++;
    }
    return NULL;
}

/* ---- Sniffing -------------------------------------------------------- */

const char *charset_how_name(charset_how how)
{
    switch (how) {
    case CHARSET_BY_BOM:    return "BOM";
    case CHARSET_BY_UTF8:   return "UTF-8 validation";
    case CHARSET_BY_META:   return "meta";
    case CHARSET_BY_GUESS:  return "statistics";
    case CHARSET_BY_CALLER: return "caller";
    }
    return "unknown";
}

const char *charset_sniff(const unsigned char *data, size_t len, charset_how *how)
{
    charset_how h_dummy;
    if (!how)
        how = &h_dummy;
    if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
        *how = CHARSET_BY_BOM;
        return "UTF-8";
    }
    if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
        *how = CHARSET_BY_BOM;
        return "UTF-16LE";
    }
    if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
        *how = CHARSET_BY_BOM;
        return "UTF-16BE";
    }

    charset_utf8_stats u;
    utf8_scan(data, len, &u);
    if (u.multibyte && (!u.invalid || (u.truncated && u.multibyte >= 2))) {
        /* One GBK character in seven is also a valid two-byte UTF-8
         * sequence (通知 is U+0368 U+05AA), so a page with a handful of
         * them and nothing longer is not proof; Chinese in real UTF-8
         * takes three bytes a character. A page that says it is UTF-8
         * and reads as UTF-8 is: its few sequences are Latin letters and
         * signs (·, ©, é), and GBK with every character valid UTF-8 and
         * none of three bytes does not happen in running text. */
        const char *said = u.multibyte < 8 && !u.wide && !u.invalid ? declared_charset(data, len) : NULL;
        if (u.multibyte < 8 && !u.wide && !u.invalid && !(said && !strcmp(said, "UTF-8"))) {
            const char *gb = charset_guess_gb(data, len);
            if (gb) {
                *how = CHARSET_BY_GUESS;
                return gb;
            }
        }
        *how = CHARSET_BY_UTF8;
        return "UTF-8";
    }

    const char *decl = declared_charset(data, len);
    /* A page whose meta says UTF-16 was read as bytes to find it, so it is
     * not UTF-16; browsers take UTF-8 then. */
    if (decl && !strncmp(decl, "UTF-16", 6))
        decl = "UTF-8";
    if (!u.multibyte && !u.invalid) {
        *how = decl ? CHARSET_BY_META : CHARSET_BY_UTF8;
        return decl ? decl : "UTF-8";
    }
    if (!decl) {
        *how = CHARSET_BY_GUESS;
        return charset_guess(data, len, &u);
    }

    const char *alt = charset_check_label(data, len, &u, decl);
    if (alt) {
        *how = CHARSET_BY_GUESS;
        return alt;
    }
    *how = CHARSET_BY_META;
    return decl;
}

static bool charset_is_western(const char *name)
{
    return !strcmp(name, "WINDOWS-1252") || !strcmp(name, "ISO-8859-1") ||
           !strcmp(name, "US-ASCII") || !strcmp(name, "ASCII");
}

const char *charset_sniff_declared(const unsigned char *data, size_t len, const char *label,
                                   charset_how *how)
{
    charset_how own_how;
    const char *own = charset_sniff(data, len, &own_how);
    const char *given = label ? charset_canonical(label) : NULL;
    if (!given || own_how == CHARSET_BY_BOM || (charset_is_western(given) && !charset_is_western(own))) {
        if (how)
            *how = own_how;
        return own;
    }
    if (how)
        *how = CHARSET_BY_CALLER;
    return given;
}
