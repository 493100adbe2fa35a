#include "util/utf8.h"

#include <string.h>

size_t utf8_sequence(const unsigned char *p, size_t n, size_t *bad)
{
    /* The second byte's range rules out what the lead alone cannot: the
     * overlong forms after E0 and F0, the surrogates after ED, the values
     * past U+10FFFF after F4. C0, C1 and F5-FF begin nothing at all. */
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    size_t need;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        if (i >= n || p[i] < lo || p[i] > hi) {
            *bad = i;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

/* utf8_decode past its ASCII case. */
uint32_t utf8_decode_sequence(const char *s, size_t n, int *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *len = 0;
        return 0;
    }
    size_t bad, k = utf8_sequence(u, n, &bad);
    if (k == 0) {
        *len = 1;
        return UTF8_REPLACEMENT;
    }
    /* The lead keeps 7, 5, 4 or 3 bits of the value, each later byte 6. */
    uint32_t c = k == 1 ? u[0] : u[0] & (0xFFu >> (k + 1));
    for (size_t i = 1; i < k; i++)
        c = c << 6 | (u[i] & 0x3Fu);
    *len = (int)k;
    return c;
}

uint32_t utf8_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t start = i - 1;
    while (start > 0 && i - start < 4 && utf8_is_continuation((unsigned char)s[start]))
        start--;
    int len;
    uint32_t c = utf8_decode(s + start, i - start, &len);
    /* Decoding from there must end exactly at I, or the last byte is one
     * that no sequence takes in. */
    return start + (size_t)len == i ? c : UTF8_REPLACEMENT;
}

size_t utf8_length(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; count++)
        utf8_next(s, n, &i);
    return count;
}

int utf8_clip(const char *s, int max)
{
    size_t n = strlen(s), i = 0;
    for (int count = 0; i < n && count < max; count++)
        utf8_next(s, n, &i);
    return (int)i;
}

void utf8_encode(buf_t *out, uint32_t c)
{
    char s[4];
    size_t n;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = UTF8_REPLACEMENT;
    if (c < 0x80) {
        s[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        s[0] = (char)(0xC0 | c >> 6);
        s[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        s[0] = (char)(0xE0 | c >> 12);
        s[1] = (char)(0x80 | (c >> 6 & 0x3F));
        s[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | c >> 18);
        s[1] = (char)(0x80 | (c >> 12 & 0x3F));
        s[2] = (char)(0x80 | (c >> 6 & 0x3F));
        s[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    buf_add(out, s, n);
}

bool cp_is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           c == 0x3005 || c == 0x3007;
}

bool cp_is_han_numeral(uint32_t c)
{
    static const uint32_t numerals[] = { 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                         0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343 };
    for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++)
        if (c == numerals[i])
            return true;
    return false;
}

uint32_t cp_fold_case(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    /* Latin Extended-A pairs an upper case letter with the next code point,
     * even first, but odd first from Ĺ to Ň and from Ź to Ž */
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
        bool odd_first = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        return (c % 2 == 1) == odd_first ? c + 1 : c;
    }
    return c;
}

bool utf8_starts_nocase(const char *s, const char *prefix, size_t *used)
{
    size_t sn = strlen(s), pn = strlen(prefix), i = 0, j = 0;
    while (j < pn) {
        if (i >= sn || cp_fold_case(utf8_next(s, sn, &i)) != cp_fold_case(utf8_next(prefix, pn, &j)))
            return false;
    }
    *used = i;
    return true;
}

bool cp_is_kana(uint32_t c)
{
    return c >= 0x3040 && c <= 0x30FF;
}

bool cp_is_cjk_punct(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF61 && c <= 0xFF65);
}

bool cp_is_fullwidth(uint32_t c)
{
    return c >= 0xFF01 && c <= 0xFF60;
}

bool cp_is_cjk(uint32_t c)
{
    return cp_is_han(c) || cp_is_kana(c) || cp_is_cjk_punct(c) || cp_is_fullwidth(c);
}

bool cp_is_wide(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) ||
           (c >= 0xFF00 && c <= 0xFF9F) || (c >= 0xFFE0 && c <= 0xFFE6) ||
           (c >= 0x1B000 && c <= 0x1B2FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool cp_is_latin(uint32_t c)
{
    return cp_is_ascii_alnum(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x370 && c <= 0x3FF);
}

uint32_t cp_break_as_space(uint32_t before, uint32_t after)
{
    if (!before || !after || before == ' ' || after == ' ' || before == 0x3000 || after == 0x3000)
        return 0;
    bool cjk = (cp_is_cjk(before) || cp_is_cjk(after)) && !cp_is_latin(before) && !cp_is_latin(after);
    return cjk ? 0x3000 : ' ';
}
