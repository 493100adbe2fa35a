/* Internals shared by the charset_*.c files: byte-level helpers, UTF-8
 * statistics and the statistical guesses. Not for other modules. */
#ifndef FOLIO_CHARSET_INT_H
#define FOLIO_CHARSET_INT_H
#include "charset/charset.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The helpers below run once a byte over whole pages, so they are inline
 * here rather than calls into another file. */

static inline char charset_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static inline bool charset_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline bool charset_has_high_byte8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & UINT64_C(0x8080808080808080)) != 0;
}

/* Index of the first byte >= 0x80 at or after I, or N. */
static inline size_t charset_skip_ascii(const unsigned char *d, size_t i, size_t n)
{
    while (i + 8 <= n && !charset_has_high_byte8(d + i))
        i += 8;
    while (i < n && d[i] < 0x80)
        i++;
    return i;
}

/* Chinese text is nearly all three-byte sequences led by E1-EC or EE-EF,
 * whose only constraint is two continuation bytes: worth a shortcut. */
static inline bool charset_utf8_common3(const unsigned char *p, size_t i, size_t n)
{
    if (i + 2 >= n)
        return false;
    unsigned c = p[i];
    return c - 0xE1u <= 0xEFu - 0xE1u && c != 0xED &&
           ((p[i + 1] & 0xC0u) | (p[i + 2] & 0xC0u) << 8) == 0x8080u;
}

/* ---- charset_sniff.c ---- */

typedef struct {
    size_t multibyte;   /* well-formed non-ASCII sequences */
    size_t wide;        /* of which three or four bytes long */
    size_t invalid;     /* ill-formed ones, a truncated tail included */
    bool truncated;     /* the only flaw is a sequence cut off at the end */
} charset_utf8_stats;

/* ---- charset_decode.c ---- */

/* How many bytes of P (LEFT of them), where CS failed to decode, one
 * U+FFFD stands for; 0 when the byte at P is good after all. */
size_t charset_bad_length(const char *cs, const unsigned char *p, size_t left, bool utf16);

/* ---- charset_guess.c ---- */

/* The charset of D[0..N) by statistics, for a page with no usable label;
 * U is its UTF-8 scan. Never NULL: the code page of the page's language
 * (WINDOWS-1252 for most) when nothing fits. */
const char *charset_guess(const unsigned char *d, size_t n, const charset_utf8_stats *u);

/* ---- charset_lang.c ---- */

/* The single-byte code page of the language D[0..N) declares on its
 * <html> element (windows-1254 for Turkish), or windows-1252. */
const char *charset_western_for(const unsigned char *d, size_t n);

/* "GB18030" when D[0..N) reads as Chinese in it, else NULL. */
const char *charset_guess_gb(const unsigned char *d, size_t n);

/* A charset the bytes D[0..N) (U their UTF-8 scan) show better than the
 * declared DECL, or NULL to keep DECL. */
const char *charset_check_label(const unsigned char *d, size_t n,
                                const charset_utf8_stats *u, const char *decl);

#endif
