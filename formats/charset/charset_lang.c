/* The Western fallback by the page's own language. A page with no label
 * whose bytes read as no CJK charset is in one of the single-byte Windows
 * code pages, and windows-1252 is only the Western European one: a Turkish
 * page in windows-1254 read as 1252 turns ş ı ğ into þ ý ð. The language
 * the page declares on its <html> element names the code page its
 * authors' systems wrote, as a browser set to that language would guess. */
#include "charset/charset_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* How far into the page the <html> element is looked for: past a long
 * comment or a doctype, not into the body. */
#define LANG_SCAN_BYTES 4096

static const struct {
    const char *lang;
    const char *charset;
} lang_pages[] = {
    { "tr", "WINDOWS-1254" }, { "az", "WINDOWS-1254" },
    { "pl", "WINDOWS-1250" }, { "cs", "WINDOWS-1250" }, { "sk", "WINDOWS-1250" },
    { "hu", "WINDOWS-1250" }, { "sl", "WINDOWS-1250" }, { "hr", "WINDOWS-1250" },
    { "bs", "WINDOWS-1250" }, { "ro", "WINDOWS-1250" },
    { "ru", "WINDOWS-1251" }, { "uk", "WINDOWS-1251" }, { "be", "WINDOWS-1251" },
    { "bg", "WINDOWS-1251" }, { "mk", "WINDOWS-1251" }, { "sr", "WINDOWS-1251" },
    { "el", "WINDOWS-1253" }, { "he", "WINDOWS-1255" }, { "iw", "WINDOWS-1255" },
    { "ar", "WINDOWS-1256" }, { "fa", "WINDOWS-1256" }, { "ur", "WINDOWS-1256" },
    { "lt", "WINDOWS-1257" }, { "lv", "WINDOWS-1257" }, { "et", "WINDOWS-1257" },
    { "vi", "WINDOWS-1258" }, { "th", "WINDOWS-874" },
};

/* The value of the lang attribute of the <html> tag in D[0..N), lower-
 * cased into OUT (SIZE bytes); false when none. */
static bool html_lang(const unsigned char *d, size_t n, char *out, size_t size)
{
    const char *s = (const char *)d, *end = s + (n < LANG_SCAN_BYTES ? n : LANG_SCAN_BYTES);
    for (const char *p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL && end - p > 6; p++) {
        if (strncasecmp(p + 1, "html", 4) || !(isspace((unsigned char)p[5])))
            continue;
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            return false;
        for (const char *a = p + 5; a + 5 < gt; a++) {
            if (strncasecmp(a, "lang", 4) || !(isspace((unsigned char)a[-1]) || a[-1] == ':'))
                continue;
            const char *v = a + 4;
            while (v < gt && isspace((unsigned char)*v))
                v++;
            if (v >= gt || *v != '=')
                continue;
            v++;
            while (v < gt && (isspace((unsigned char)*v) || *v == '"' || *v == '\''))
                v++;
            size_t k = 0;
            while (v < gt && (isalpha((unsigned char)*v) || *v == '-' || *v == '_') && k + 1 < size)
                out[k++] = (char)tolower((unsigned char)*v++);
            out[k] = '\0';
            return k > 0;
        }
        return false;
    }
    return false;
}

const char *charset_western_for(const unsigned char *d, size_t n)
{
    char tag[24];
    if (!html_lang(d, n, tag, sizeof tag))
        return "WINDOWS-1252";
    /* Serbian and Bosnian in Latin letters are written as Croatian is */
    size_t primary = strcspn(tag, "-_");
    if (primary == 2 && (!strncmp(tag, "sr", 2) || !strncmp(tag, "bs", 2)) && strstr(tag, "latn"))
        return "WINDOWS-1250";
    for (size_t i = 0; i < sizeof lang_pages / sizeof lang_pages[0]; i++)
        if (strlen(lang_pages[i].lang) == primary && !strncmp(tag, lang_pages[i].lang, primary))
            return lang_pages[i].charset;
    return "WINDOWS-1252";
}
