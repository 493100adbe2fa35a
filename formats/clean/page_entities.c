/* Named character references of HTML5 that the HTML 4 table of libxml2's
 * parser does not know (&frac23;, &check;, &lpar;, &NewLine;): pages
 * written for today's browsers use them, and the reader would see the
 * name. Each is set in place, in UTF-8, before the page is parsed; the
 * names of the markup's own characters (&lt; &amp; &quot;) are left to the
 * parser, and so is every name it knows. A reference is never shorter than
 * its character, so the text only shrinks. */
#include "clean/page.h"

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

size_t page_html5_entities(char *s, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        /* "<&excl;--" is text to a browser, never a comment's start */
        if (s[i] == '&' && !(out > 0 && s[out - 1] == '<')) {
            size_t k = 1;
            while (i + k < n && k <= ENTITY_NAME_MAX &&
                   ((s[i + k] >= 'a' && s[i + k] <= 'z') || (s[i + k] >= 'A' && s[i + k] <= 'Z') ||
                    (k > 1 && s[i + k] >= '0' && s[i + k] <= '9')))
                k++;
            if (k > 1 && i + k < n && s[i + k] == ';') {
                char name[ENTITY_NAME_MAX + 1];
                memcpy(name, s + i + 1, k - 1);
                name[k - 1] = '\0';
                const page_entity *e = bsearch(name, page_entities, sizeof page_entities / sizeof page_entities[0],
                                               sizeof page_entities[0], entity_cmp);
                if (e) {
                    size_t len = strlen(e->utf8);
                    memmove(s + out, e->utf8, len);
                    out += len;
                    i += k + 1;
                    continue;
                }
            }
        }
        s[out++] = s[i++];
    }
    return out;
}
