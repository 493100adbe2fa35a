/* Named character references of HTML5 that the HTML 4 table of libxml2's
 * parser does not know (&frac23;, &check;, &lpar;, &NewLine;): pages
 * written for today's browsers use them, and the reader would see the
 * name. Each is set in place, in UTF-8, before the page is parsed; the
 * names of the markup's own characters (&lt; &amp; &quot;) are left to the
 * parser, and so is every name it knows. A numeric reference to a C1
 * control is read as HTML5 reads it (below). A reference is never shorter
 * than its character, so the text only shrinks. */
#include "clean/page.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name, *utf8;
} page_entity;

/* Sorted by name, byte for byte. */
static const page_entity page_entities[] = {
    { "CenterDot", "\xC2\xB7" }, { "CloseCurlyDoubleQuote", "\xE2\x80\x9D" }, { "CloseCurlyQuote", "\xE2\x80\x99" }, { "DiacriticalGrave", "`" },
    { "DoubleLeftArrow", "\xE2\x87\x90" }, { "DoubleRightArrow", "\xE2\x87\x92" }, { "DownArrow", "\xE2\x86\x93" }, { "Hat", "^" },
    { "LeftArrow", "\xE2\x86\x90" }, { "NewLine", "\x0A" }, { "NonBreakingSpace", "\xC2\xA0" }, { "OpenCurlyDoubleQuote", "\xE2\x80\x9C" },
    { "OpenCurlyQuote", "\xE2\x80\x98" }, { "PlusMinus", "\xC2\xB1" }, { "RightArrow", "\xE2\x86\x92" }, { "TRADE", "\xE2\x84\xA2" },
    { "Tab", "\x09" }, { "ThinSpace", "\xE2\x80\x89" }, { "UnderBar", "_" }, { "UpArrow", "\xE2\x86\x91" },
    { "VerticalLine", "|" }, { "angst", "\xC3\x85" }, { "approx", "\xE2\x89\x88" }, { "ast", "*" },
    { "bigstar", "\xE2\x98\x85" }, { "bsol", "\x5C" }, { "bullet", "\xE2\x80\xA2" }, { "centerdot", "\xC2\xB7" },
    { "check", "\xE2\x9C\x93" }, { "checkmark", "\xE2\x9C\x93" }, { "colon", ":" }, { "comma", "," },
    { "commat", "@" }, { "copysr", "\xE2\x84\x97" }, { "cross", "\xE2\x9C\x97" }, { "dash", "\xE2\x80\x90" },
    { "div", "\xC3\xB7" }, { "dollar", "$" }, { "downarrow", "\xE2\x86\x93" }, { "equals", "=" },
    { "excl", "!" }, { "female", "\xE2\x99\x80" }, { "flat", "\xE2\x99\xAD" }, { "frac13", "\xE2\x85\x93" },
    { "frac15", "\xE2\x85\x95" }, { "frac16", "\xE2\x85\x99" }, { "frac18", "\xE2\x85\x9B" }, { "frac23", "\xE2\x85\x94" },
    { "frac25", "\xE2\x85\x96" }, { "frac35", "\xE2\x85\x97" }, { "frac38", "\xE2\x85\x9C" }, { "frac45", "\xE2\x85\x98" },
    { "frac56", "\xE2\x85\x9A" }, { "frac58", "\xE2\x85\x9D" }, { "frac78", "\xE2\x85\x9E" }, { "geq", "\xE2\x89\xA5" },
    { "grave", "`" }, { "hairsp", "\xE2\x80\x8A" }, { "half", "\xC2\xBD" }, { "horbar", "\xE2\x80\x95" },
    { "hybull", "\xE2\x81\x83" }, { "hyphen", "\xE2\x80\x90" }, { "incare", "\xE2\x84\x85" }, { "larrhk", "\xE2\x86\xA9" },
    { "lbrace", "{" }, { "lbrack", "[" }, { "lcub", "{" }, { "ldquor", "\xE2\x80\x9E" },
    { "leftarrow", "\xE2\x86\x90" }, { "leq", "\xE2\x89\xA4" }, { "lowbar", "_" }, { "lpar", "(" },
    { "lsqb", "[" }, { "lsquor", "\xE2\x80\x9A" }, { "male", "\xE2\x99\x82" }, { "midast", "*" },
    { "mldr", "\xE2\x80\xA6" }, { "mnplus", "\xE2\x88\x93" }, { "natural", "\xE2\x99\xAE" }, { "nldr", "\xE2\x80\xA5" },
    { "num", "#" }, { "numero", "\xE2\x84\x96" }, { "ohm", "\xE2\x84\xA6" }, { "percnt", "%" },
    { "period", "." }, { "phone", "\xE2\x98\x8E" }, { "plus", "+" }, { "pm", "\xC2\xB1" },
    { "quest", "?" }, { "rarrhk", "\xE2\x86\xAA" }, { "rbrace", "}" }, { "rbrack", "]" },
    { "rcub", "}" }, { "rdquor", "\xE2\x80\x9D" }, { "rightarrow", "\xE2\x86\x92" }, { "rpar", ")" },
    { "rsqb", "]" }, { "rsquor", "\xE2\x80\x99" }, { "semi", ";" }, { "sharp", "\xE2\x99\xAF" },
    { "slarr", "\xE2\x86\x90" }, { "sol", "/" }, { "srarr", "\xE2\x86\x92" }, { "star", "\xE2\x98\x86" },
    { "starf", "\xE2\x98\x85" }, { "sung", "\xE2\x99\xAA" }, { "uparrow", "\xE2\x86\x91" }, { "verbar", "|" },
    { "vert", "|" },
};

static int entity_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const page_entity *)elem)->name);
}

#define ENTITY_NAME_MAX 32

/* A numeric reference to a C1 control (&#146;, &#x93;) means what byte
 * 146 means in windows-1252, as HTML5 reads it: pages written on Windows
 * set their quotes and dashes so. The code points, from 0x80 on; 0 where
 * windows-1252 has none either. */
static const unsigned short c1_as_1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The reference at S (N bytes, S[0] == '&') to a C1 control: its length,
 * the windows-1252 character it means in *CP; or 0. */
static size_t c1_reference(const char *s, size_t n, unsigned *cp)
{
    if (n < 4 || s[1] != '#')
        return 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    size_t i = hex ? 3 : 2, digits = 0;
    unsigned v = 0;
    for (; i < n && digits < 8; i++, digits++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            v = v * (hex ? 16 : 10) + (unsigned)(c - '0');
        else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
            v = v * 16 + (unsigned)((c | 0x20) - 'a' + 10);
        else
            break;
    }
    if (!digits || v < 0x80 || v > 0x9F || !c1_as_1252[v - 0x80])
        return 0;
    *cp = c1_as_1252[v - 0x80];
    return i < n && s[i] == ';' ? i + 1 : i;
}

/* The reference at S[I] ('&'): what it stands for written at S[OUT]
 * (OUT <= I, and never longer than the reference), its length into
 * *WRITTEN; the bytes it took, or 0 when it is none of those handled here. */
static size_t reference_at(char *s, size_t n, size_t i, size_t out, size_t *written)
{
    unsigned cp;
    size_t ref = c1_reference(s + i, n - i, &cp);
    if (ref) {
        /* two or three bytes of UTF-8 for a reference of four at least */
        char u[3] = { (char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)) };
        size_t len = 3;
        if (cp < 0x800) {
            u[0] = (char)(0xC0 | (cp >> 6));
            u[1] = (char)(0x80 | (cp & 0x3F));
            len = 2;
        }
        memcpy(s + out, u, len);
        *written = len;
        return ref;
    }
    /* "<&excl;--" is text to a browser, never a comment's start */
    if (out > 0 && s[out - 1] == '<')
        return 0;
    size_t k = 1;
    while (i + k < n && k <= ENTITY_NAME_MAX &&
           ((s[i + k] >= 'a' && s[i + k] <= 'z') || (s[i + k] >= 'A' && s[i + k] <= 'Z') ||
            (k > 1 && s[i + k] >= '0' && s[i + k] <= '9')))
        k++;
    if (k <= 1 || i + k >= n || s[i + k] != ';')
        return 0;
    char name[ENTITY_NAME_MAX + 1];
    memcpy(name, s + i + 1, k - 1);
    name[k - 1] = '\0';
    const page_entity *e = bsearch(name, page_entities, sizeof page_entities / sizeof page_entities[0],
                                   sizeof page_entities[0], entity_cmp);
    if (!e)
        return 0;
    *written = strlen(e->utf8);
    memmove(s + out, e->utf8, *written);
    return k + 1;
}

size_t page_html5_entities(char *s, size_t n)
{
    size_t out = 0, i = 0;
    while (i < n) {
        /* the text up to the next reference moves in one piece */
        const char *amp = memchr(s + i, '&', n - i);
        size_t run = amp ? (size_t)(amp - (s + i)) : n - i;
        if (out != i)
            memmove(s + out, s + i, run);
        out += run;
        i += run;
        if (i >= n)
            break;
        size_t written = 0, took = reference_at(s, n, i, out, &written);
        if (took) {
            out += written;
            i += took;
        } else {
            s[out++] = s[i++];
        }
    }
    return out;
}
