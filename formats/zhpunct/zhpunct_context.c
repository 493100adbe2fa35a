/* The classes of characters zhpunct's rules speak of, and the context on
 * either side of a mark: Chinese, an ASCII word glued to Chinese, the edge
 * of the run, or something else. */
#include "zhpunct/zhpunct_int.h"
#include "util/utf8.h"

#include <string.h>

/* Han or kana: the letters of CJK text, as against its punctuation. */
bool zp_is_han(uint32_t cp)
{
    return cp_is_han(cp) || cp_is_kana(cp);
}

/* Opening marks: a mark before one of them belongs to the text after. */
static bool zp_is_open(uint32_t cp)
{
    static const uint32_t open[] = { 0x201C, 0x2018, 0x3008, 0x300A, 0x300C, 0x300E,
                                     0x3010, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B };
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        if (cp == open[i])
            return true;
    return false;
}

/* CJK text and the opening marks. The closing curly quotes are not here:
 * English uses them too, so they count only by what they quote. */
bool zp_is_cjk(uint32_t cp)
{
    return cp_is_cjk(cp) || zp_is_open(cp);
}

bool zp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* strchr would match the terminator for 0 and fold code points to bytes. */
bool zp_in(uint32_t cp, const char *set)
{
    return cp > 0 && cp < 0x80 && strchr(set, (int)cp) != NULL;
}

bool zp_is_mark(uint32_t cp)
{
    return zp_in(cp, ",:;!?()");
}

uint32_t zp_at(const zp_run *r, size_t i)
{
    return r->c[i].flags & ZF_CHANGED ? r->c[i].out : r->c[i].cp;
}

/* A word of ASCII that may sit inside Chinese text: "GPS", "100%", "2020",
 * or a protected URL whose own marks are part of it. */
static bool zp_in_token(const zp_run *r, size_t i)
{
    uint32_t cp = zp_at(r, i);
    if (cp <= 0x20 || cp >= 0x7F)
        return false;
    return !zp_is_mark(cp) || (r->c[i].flags & ZF_FROZEN);
}

#define ZP_QUOTE_REACH 256

/* Whether a closing curly quote at I closes a Chinese quotation: one whose
 * text holds Han, or whose opening quote follows CJK. */
static bool zp_quote_is_zh(const zp_run *r, size_t i)
{
    uint32_t open = zp_at(r, i) == 0x201D ? 0x201C : 0x2018;
    /* Bounded, so that an English text full of apostrophes stays linear. */
    size_t stop = i > ZP_QUOTE_REACH ? i - ZP_QUOTE_REACH : 0;
    for (size_t j = i; j-- > stop;) {
        uint32_t cp = zp_at(r, j);
        if (cp == open)
            return j > 0 && zp_is_cjk(zp_at(r, j - 1));
        if (zp_is_han(cp))
            return true;
    }
    return false;
}

/* Whether the character at I ends Chinese text: CJK that does not open
 * something, a Chinese closing quote, or an ellipsis or dash after one. */
static bool zp_ends_cjk(const zp_run *r, size_t i)
{
    for (;;) {
        uint32_t cp = zp_at(r, i);
        if (cp == 0x201D || cp == 0x2019)
            return zp_quote_is_zh(r, i);
        if ((cp == 0x2026 || cp == 0x2014) && i > 0) {
            do
                i--;
            while (i > 0 && (r->c[i].flags & ZF_DROPPED));
            if (r->c[i].flags & ZF_DROPPED)
                return false;
            continue;
        }
        return zp_is_cjk(cp) && !zp_is_open(cp);
    }
}

bool zp_live(const zp_run *r, size_t i)
{
    return !(r->c[i].flags & ZF_DROPPED);
}

/* What stands just before I: CJK, an ASCII token glued to CJK (NUMERIC
 * says whether it is a number), the start of the run, or something else. */
int zp_left(const zp_run *r, size_t i, bool *numeric)
{
    size_t j = i;
    while (j > 0 && !zp_live(r, j - 1))
        j--;
    if (numeric)
        *numeric = false;
    if (j == 0)
        return ZC_EDGE;
    if (zp_ends_cjk(r, j - 1))
        return ZC_CJK;
    if (!zp_in_token(r, j - 1))
        return ZC_NONE;
    bool digits = true;
    while (j > 0 && zp_in_token(r, j - 1)) {
        uint32_t cp = zp_at(r, --j);
        digits = digits && (cp_is_ascii_digit(cp) || zp_in(cp, ".%+-"));
    }
    if (j > 0 && zp_at(r, j - 1) == ' ')
        j--;
    if (j == 0 || !zp_ends_cjk(r, j - 1))
        return ZC_NONE;
    if (numeric)
        *numeric = digits;
    return ZC_ATTACHED;
}

/* What stands after I, past spaces: CJK or an opening mark, a quote, a
 * number or an ASCII token glued to CJK, the end of the run, or else. */
int zp_right(const zp_run *r, size_t i)
{
    size_t k = i + 1;
    /* Past spaces, and past a few marks not yet converted, which are
     * decided after this one: "好?!" in one pass, not one per mark. */
    for (int marks = 0; k < r->n; k++) {
        uint32_t cp = zp_at(r, k);
        if (zp_is_mark(cp) && cp != '(' && !(r->c[k].flags & ZF_FROZEN) && marks < 4)
            marks++;
        else if (!zp_is_space(cp))
            break;
    }
    if (k >= r->n)
        return ZC_EDGE;
    uint32_t cp = zp_at(r, k);
    if (zp_is_cjk(cp))
        return ZC_CJK;
    if (cp == '"' || cp == '\'' || cp_is_ascii_digit(cp))
        return ZC_ATTACHED;
    if (!zp_in_token(r, k))
        return ZC_NONE;
    while (k < r->n && zp_in_token(r, k))
        k++;
    if (k < r->n && zp_at(r, k) == ' ')
        k++;
    return k < r->n && zp_is_han(zp_at(r, k)) ? ZC_ATTACHED : ZC_NONE;
}
