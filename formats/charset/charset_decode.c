/* Decoding a page to UTF-8 the way a browser does: every byte that does
 * not decode becomes U+FFFD, and decoding goes on after it. */
#include "charset/charset_int.h"
#include "util/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>

/* The Encoding standard's UTF-8 decoder, done by hand: iconv would stop
 * at the first bad byte and cannot tell how long a maximal subpart is. */
static long utf8_copy(const unsigned char *p, size_t n, buf_t *out)
{
    long bad_count = 0;
    size_t i = 0, start = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = start = 3;
    while (i < n) {
        i = charset_skip_ascii(p, i, n);
        if (i >= n)
            break;
        if (charset_utf8_common3(p, i, n)) {
            do
                i += 3;
            while (charset_utf8_common3(p, i, n));
            continue;
        }
        size_t bad, k = utf8_sequence(p + i, n - i, &bad);
        if (k) {
            i += k;
            continue;
        }
        buf_add(out, p + start, i - start);
        buf_add(out, "\xEF\xBF\xBD", 3);
        bad_count++;
        i += bad;
        start = i;
    }
    buf_add(out, p + start, n - start);
    return bad_count;
}

static bool is_dbcs(const char *cs)
{
    return !strcmp(cs, "GB18030") || !strcmp(cs, "BIG5-HKSCS") ||
           !strcmp(cs, "CP932") || !strcmp(cs, "CP949") ||
           !strcmp(cs, "EUC-JP") || !strcmp(cs, "EUC-KR") ||
           !strcmp(cs, "BIG5") || !strcmp(cs, "GBK");
}

/* How many bytes one replacement stands for. In the double-byte sets a
 * lead byte with a non-ASCII trail that maps to nothing is one unmapped
 * character, and skipping only the lead would re-read the trail as a lead
 * and derail the rest of the line; an ASCII trail is kept, as browsers do,
 * so that markup after a stray lead byte survives. */
size_t charset_bad_length(const char *cs, const unsigned char *p, size_t left, bool utf16)
{
    if (utf16)
        return left >= 2 ? 2 : left;
    /* ASCII is never wrong in these sets: glibc's UHC reports some unmapped
     * pairs (A2 E8) only after consuming them, at the byte that follows. */
    if (left == 0 || (p[0] < 0x80 && is_dbcs(cs)))
        return 0;
    if (left >= 2 && p[0] >= 0x81 && p[0] <= 0xFE && p[1] >= 0x80 && p[1] <= 0xFE &&
        is_dbcs(cs))
        return 2;
    return 1;
}

/* Bytes glibc leaves unmapped that browsers do map; matching them keeps a
 * euro sign a euro sign instead of a replacement. */
static bool browser_byte(const char *cs, unsigned char b, buf_t *out)
{
    if (!strcmp(cs, "WINDOWS-1252") &&
        (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)) {
        utf8_encode(out, b);
        return true;
    }
    if (!strcmp(cs, "GB18030") && b == 0x80) {
        utf8_encode(out, 0x20AC);
        return true;
    }
    return false;
}

/* Flushing hands over a character iconv holds back: BIG5-HKSCS waits to see
 * whether the next one combines with it. Done before every replacement too,
 * or the held character would come out after the U+FFFD. */
static void iconv_flush(iconv_t cd, buf_t *out)
{
    char tmp[64], *o = tmp;
    size_t oleft = sizeof tmp;
    iconv(cd, NULL, NULL, &o, &oleft);
    buf_add(out, tmp, (size_t)(o - tmp));
}

/* Charsets in which a byte below 0x80 outside a multibyte character is
 * always that ASCII character: the ones with lead bytes at 0x80 and up,
 * and the single-byte sets. Not UTF-16 or the ISO-2022 family, whose
 * escapes and shifts are ASCII bytes, nor EBCDIC. */
static bool ascii_compatible(const char *cs)
{
    return is_dbcs(cs) || !strncmp(cs, "WINDOWS-", 8) || !strncmp(cs, "ISO-8859-", 9) ||
           !strncmp(cs, "KOI8-", 5) || !strcmp(cs, "IBM866") || !strcmp(cs, "MACINTOSH") ||
           !strcmp(cs, "MAC-CYRILLIC");
}

typedef struct {
    iconv_t cd;
    iconv_t second; /* a table for the pairs CD leaves unmapped, or (iconv_t)-1 */
    const char *cs;
    bool utf16;
    buf_t *out;
    long bad;
} decoder;

/* glibc's Big5-HKSCS leaves pairs unmapped that Windows' code page 950
 * and browsers map (A1FE ／, A3E1 €): a page made on Windows uses them. */
static iconv_t second_table(const char *cs)
{
    return !strcmp(cs, "BIG5-HKSCS") ? iconv_open("UTF-8", "CP950") : (iconv_t)-1;
}

/* The pair at P decoded by DC's second table into its output. */
static bool second_pair(decoder *dc, const unsigned char *p, size_t left)
{
    if (dc->second == (iconv_t)-1 || left < 2 || p[0] < 0x81 || p[1] < 0x40)
        return false;
    char tmp[16], *o = tmp, *in = (char *)p;
    size_t inleft = 2, oleft = sizeof tmp;
    iconv(dc->second, NULL, NULL, NULL, NULL);
    if (iconv(dc->second, &in, &inleft, &o, &oleft) == (size_t)-1 || inleft)
        return false;
    buf_add(dc->out, tmp, (size_t)(o - tmp));
    return true;
}

/* Decode one piece that ends on a character boundary (or at the end of
 * the input), replacing what does not decode. */
static void decode_piece(decoder *dc, const unsigned char *d, size_t n)
{
    char obuf[16384];
    char *in = (char *)d, *stuck = NULL;
    size_t inleft = n;
    while (inleft > 0) {
        char *o = obuf;
        size_t oleft = sizeof obuf;
        size_t r = iconv(dc->cd, &in, &inleft, &o, &oleft);
        int err = errno;
        buf_add(dc->out, obuf, (size_t)(o - obuf));
        if (r != (size_t)-1)
            break;
        if (err == E2BIG)
            continue;
        iconv_flush(dc->cd, dc->out);
        /* Cut off: the rest of the piece is one incomplete character. */
        if (err != EILSEQ) {
            buf_add(dc->out, "\xEF\xBF\xBD", 3);
            dc->bad++;
            break;
        }
        const unsigned char *p = (const unsigned char *)in;
        size_t skip = 1;
        if (second_pair(dc, p, inleft)) {
            skip = 2;
        } else if (!inleft || !browser_byte(dc->cs, p[0], dc->out)) {
            skip = charset_bad_length(dc->cs, p, inleft, dc->utf16);
            /* Never stall on one spot, whatever iconv claims. */
            if (!skip && in == stuck && inleft)
                skip = 1;
            buf_add(dc->out, "\xEF\xBF\xBD", 3);
            dc->bad++;
        }
        stuck = in;
        in += skip;
        inleft -= skip;
    }
    iconv_flush(dc->cd, dc->out);
}

static long iconv_decode(const unsigned char *d, size_t n, const char *cs, buf_t *out)
{
    decoder dc = {iconv_open("UTF-8", cs), second_table(cs), cs, !strncmp(cs, "UTF-16", 6), out, 0};
    if (dc.cd == (iconv_t)-1) {
        if (dc.second != (iconv_t)-1)
            iconv_close(dc.second);
        return -1;
    }
    if (!ascii_compatible(cs)) {
        decode_piece(&dc, d, n);
        iconv_close(dc.cd);
        if (dc.second != (iconv_t)-1)
            iconv_close(dc.second);
        return dc.bad;
    }
    /* glibc's converters take a good deal longer per byte than a copy, and
     * captured pages are mostly ASCII markup; so ASCII runs are copied and
     * iconv sees only the non-ASCII stretches. A stretch runs on to three
     * ASCII bytes past its last non-ASCII byte: the first may be a trail
     * byte, and a GB18030 four-byte form has ASCII digits inside; after
     * that, the next byte is surely a character of its own. */
    size_t i = 0;
    while (i < n) {
        size_t j = charset_skip_ascii(d, i, n);
        buf_add(out, d + i, j - i);
        if (j >= n)
            break;
        size_t end = j;
        for (;;) {
            while (end < n && d[end] >= 0x80)
                end++;
            size_t k = 0;
            while (end < n && d[end] < 0x80 && k < 3) {
                end++;
                k++;
            }
            if (end >= n || k == 3)
                break;
        }
        decode_piece(&dc, d + j, end - j);
        i = end;
    }
    iconv_close(dc.cd);
    if (dc.second != (iconv_t)-1)
        iconv_close(dc.second);
    return dc.bad;
}

/* NUL characters taken out of OUT[START..]. A stray NUL (a capture's
 * padding, a broken CMS) would end the page's text in every C string that
 * holds it; an HTML parser ignores it in text (the tree builder drops the
 * character in the body) and would show U+FFFD only in attributes and
 * scripts, which hold no article text. */
static void drop_nuls(buf_t *out, size_t start)
{
    if (!out->data)
        return;
    char *w = memchr(out->data + start, 0, out->len - start);
    if (!w)
        return;
    for (const char *r = w; r < out->data + out->len; r++)
        if (*r)
            *w++ = *r;
    out->len = (size_t)(w - out->data);
    out->data[out->len] = '\0';
}

/* GB18030 0xA3 0xA0 is U+E5E5, a private character no font draws, in the
 * standard and in iconv; pages set it as a wide space, and browsers read
 * it as U+3000 (the Encoding Standard's index gb18030). Both are three
 * bytes in UTF-8, so it is swapped in place. */
static void gb18030_wide_space(buf_t *out, size_t start)
{
    if (!out->data)
        return;
    char *end = out->data + out->len;
    for (char *p = out->data + start; end - p >= 3; p++)
        if (!memcmp(p, "\xEE\x97\xA5", 3))
            memcpy(p, "\xE3\x80\x80", 3);
}

long charset_to_utf8(const unsigned char *data, size_t len, const char *charset,
                     buf_t *out)
{
    if (!charset)
        return -1;
    /* A raw label from a header ("gb2312") would make iconv reject every
     * GBK character, so labels go through the browser mapping first. */
    const char *cs = charset_canonical(charset);
    if (!cs)
        cs = charset;
    size_t start = out->len;
    if (!strcmp(cs, "UTF-8")) {
        long bad = utf8_copy(data, len, out);
        drop_nuls(out, start);
        return bad;
    }
    long bad = iconv_decode(data, len, cs, out);
    if (bad >= 0 && out->len - start >= 3 &&
        !memcmp(out->data + start, "\xEF\xBB\xBF", 3)) {
        memmove(out->data + start, out->data + start + 3, out->len - start - 3);
        out->len -= 3;
        out->data[out->len] = '\0';
    }
    if (bad >= 0)
        drop_nuls(out, start);
    if (bad >= 0 && !strcmp(cs, "GB18030"))
        gb18030_wide_space(out, start);
    if (bad >= 0 && !out->data)
        buf_add(out, "", 0);
    return bad;
}
