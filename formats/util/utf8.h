/* UTF-8 read and written, and the classes of characters that Chinese text
 * is made of, for every stage: one decoder, so that all of them step over
 * a bad byte the same way, and one answer to "is this Han?".
 *
 * Functions named cp_is_* take a code point. Classes that only one stage
 * speaks of (the line-breaking marks of the PDF writer, CommonMark's
 * punctuation) stay in that stage, built on these. */
#ifndef FOLIO_UTF8_H
#define FOLIO_UTF8_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

/* The length of the well-formed UTF-8 sequence at P, of at most N bytes
 * (N at least 1), or 0 when none begins there; *BAD then gets the length
 * of the maximal ill-formed prefix (at least 1), which the Encoding
 * standard replaces with a single U+FFFD. Overlong forms, surrogates and
 * values past U+10FFFF are ill-formed. */
size_t utf8_sequence(const unsigned char *p, size_t n, size_t *bad);

/* The character at S, of at most N bytes; *LEN gets the bytes it takes.
 * Only well-formed UTF-8 decodes: a byte that does not begin a sequence
 * (a stray continuation byte, a lead cut short by N or by a byte that does
 * not continue it, an overlong form, a surrogate, a value past U+10FFFF)
 * gives U+FFFD with *LEN 1. A caller that steps by *LEN thus meets every
 * byte once and can copy the bytes it does not change through unchanged.
 * No byte past the first that fails to continue the sequence is read, so
 * the terminator of a string always ends one. N of 0 gives 0 with *LEN 0. */
uint32_t utf8_decode_sequence(const char *s, size_t n, int *len);
static inline uint32_t utf8_decode(const char *s, size_t n, int *len)
{
    /* most bytes of most pages are ASCII, and most of the rest three-byte
     * characters of the BMP (Han, CJK marks): no call for them. Leads E0
     * and ED, whose second byte is narrowed, take the call. */
    const unsigned char *u = (const unsigned char *)s;
    if (n && u[0] < 0x80) {
        *len = 1;
        return u[0];
    }
    if (n >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
        *len = 3;
        return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    }
    return utf8_decode_sequence(s, n, len);
}

/* The character at byte *I of the N bytes at S, stepping *I past it. */
static inline uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
    int len;
    uint32_t c = utf8_decode(s + *i, n - *i, &len);
    *i += (size_t)len;
    return c;
}

/* The character that ends just before byte I of S, or 0 when I is 0. A
 * byte that ends no well-formed sequence gives U+FFFD. */
uint32_t utf8_before(const char *s, size_t i);

/* Whether B continues a sequence rather than beginning a character. */
static inline bool utf8_is_continuation(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* The characters in the N bytes at S, each byte that begins none counting
 * as one, as utf8_decode steps. */
size_t utf8_length(const char *s, size_t n);

/* The bytes of S's first MAX characters at most, for a snippet cut at a
 * character's end ("%.*s"), never inside one. */
int utf8_clip(const char *s, int max);
/* Append C in UTF-8: U+FFFD for a surrogate or a value past U+10FFFF,
 * which have no UTF-8 form. */
void utf8_encode(buf_t *out, uint32_t c);

/* --- classes of characters ------------------------------------------------ */

/* Han ideographs: the unified ideographs (4E00-9FFF), Extension A
 * (3400-4DBF), the later extensions and the compatibility supplement
 * (planes 2 and 3, which hold nothing else), the compatibility ideographs
 * (F900-FAFF); and two characters of the CJK symbols block that Unicode
 * gives the Han script and that Chinese text uses as ideographs: 〇 U+3007,
 * the zero of 二〇二四年, and 々 U+3005, the mark that repeats the
 * ideograph before it (人々). Radicals and strokes are not Han here. */
bool cp_is_han(uint32_t c);
/* The Han numerals that number sections, articles and chapters: 〇 零 一
 * to 九, 十 百 千. */
bool cp_is_han_numeral(uint32_t c);
/* C in lower case, for the scripts names are written in: Basic Latin,
 * Latin-1, Latin Extended-A, Greek and Cyrillic; any other unchanged. */
uint32_t cp_fold_case(uint32_t c);
/* Whether S begins with PREFIX, case aside (cp_fold_case); the bytes of S
 * it takes in *USED. */
bool utf8_starts_nocase(const char *s, const char *prefix, size_t *used);
/* Hiragana and katakana (3040-30FF), with ・ U+30FB and ー U+30FC. */
bool cp_is_kana(uint32_t c);
/* CJK punctuation and symbols: the CJK Symbols and Punctuation block
 * (3000-303F: the ideographic space, 、。〈〉《》「」『』【】〔〕〖〗, and
 * 々 and 〇, which are Han as well), the vertical forms of CJK
 * Compatibility Forms (FE30-FE4F) and the half-width ｡｢｣､･ (FF61-FF65). */
bool cp_is_cjk_punct(uint32_t c);
/* Full-width forms (FF01-FF60): ！（），：；？ and the full-width letters,
 * digits and signs. */
bool cp_is_fullwidth(uint32_t c);
/* Anything of CJK text: Han, kana, CJK punctuation, full-width forms. Not
 * the curly quotes, dash and ellipsis, which Latin text uses as well. */
bool cp_is_cjk(uint32_t c);
/* The wide characters between which CSS Text 3 removes a line break of
 * the source (East Asian Wide, Fullwidth and Halfwidth, Hangul left out
 * because Korean is written with spaces): the CJK blocks from 2E80, kana,
 * Yi, the vertical and small forms, the full-width and half-width forms,
 * and planes 2 and 3. */
bool cp_is_wide(uint32_t c);
/* Letters and digits of the alphabets set beside Chinese: ASCII, Latin-1
 * and Latin Extended-A and B (less × and ÷), Greek. */
bool cp_is_latin(uint32_t c);

/* What a line break between BEFORE and AFTER becomes where the text must
 * stay on one line (a heading): the ideographic space between CJK text,
 * where an ASCII space would read as a gap in the middle of a Han run,
 * else a space. 0 when either side is missing: nothing then. */
uint32_t cp_break_as_space(uint32_t before, uint32_t after);

/* White space as pages pad text with it: ASCII blanks, the no-break space
 * and the ideographic space U+3000. */
static inline bool cp_is_blank(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000;
}

static inline bool cp_is_ascii_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* The Private Use Area of the BMP: on a web page, mostly the glyphs of an
 * icon font (a heart, a share arrow), which no other font draws. */
static inline bool cp_is_private_use(uint32_t c)
{
    return c >= 0xE000 && c <= 0xF8FF;
}

static inline bool cp_is_ascii_alnum(uint32_t c)
{
    return cp_is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

#endif
