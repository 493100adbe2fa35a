/* Finding the charset of a captured page and decoding it to UTF-8. */
#ifndef FOLIO_CHARSET_H
#define FOLIO_CHARSET_H
#include "util/buf.h"
#include <stddef.h>

typedef enum {
    CHARSET_BY_BOM,       /* a byte-order mark */
    CHARSET_BY_UTF8,      /* the bytes validate as strict UTF-8 */
    CHARSET_BY_META,      /* <meta charset> or http-equiv Content-Type */
    CHARSET_BY_GUESS,     /* statistical fallback */
    CHARSET_BY_CALLER     /* given by the caller (an HTTP or MIME header) */
} charset_how;

/* Return the iconv name of the page's charset ("UTF-8", "GB18030",
 * "BIG5-HKSCS", "UTF-16LE", "WINDOWS-1252", ...). Order: BOM, strict UTF-8,
 * declared charset, statistics. gb2312/gbk/x-gbk are read as GB18030 and
 * big5 as BIG5-HKSCS. */
const char *charset_sniff(const unsigned char *data, size_t len, charset_how *how);

/* As charset_sniff, for a page whose container declares LABEL (an HTTP
 * Content-Type or a MIME part header; NULL for none). After a BOM the
 * container's word wins over the page's own, as in browsers, except that a
 * Western single-byte label (ISO-8859-1, windows-1252, ASCII) is a server's
 * default more often than a fact, and gives way to what the bytes show. */
const char *charset_sniff_declared(const unsigned char *data, size_t len, const char *label,
                                   charset_how *how);

/* Map a declared label ("gb2312", "x-gbk", "utf8", "big5") to the iconv name
 * folio decodes it with, or NULL when the label is unknown. */
const char *charset_canonical(const char *label);

/* Decode DATA from CHARSET into UTF-8 in OUT, dropping a BOM. Bytes that do
 * not decode become U+FFFD; NUL characters are dropped, as an HTML parser
 * drops them from text. Returns the number of replaced sequences, or -1
 * when iconv does not know the charset. */
long charset_to_utf8(const unsigned char *data, size_t len, const char *charset, buf_t *out);

const char *charset_how_name(charset_how how);

#endif
