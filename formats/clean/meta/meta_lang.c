/* The article's language: the page's <html lang> (or a language meta tag),
 * in BCP 47 case; when it says none, Chinese for text that is mostly CJK
 * (zh-TW when it came as Big5), else English. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "util/utf8.h"

#include <string.h>

void pm_set_lang(article_meta *m, const char *v)
{
    char out[36];
    size_t o = 0, sub = 0;
    if (!v)
        return;
    while (*v == ' ')
        v++;
    /* BCP 47 case: language lower, script Title, region UPPER; "_" is "-". */
    while (*v && o < sizeof out - 1) {
        size_t n = 0;
        while (v[n] && ((v[n] >= 'a' && v[n] <= 'z') || (v[n] >= 'A' && v[n] <= 'Z') ||
                        (v[n] >= '0' && v[n] <= '9')))
            n++;
        if (!n || o + n + 1 >= sizeof out)
            break;
        if (sub)
            out[o++] = '-';
        for (size_t i = 0; i < n; i++) {
            char c = v[i];
            bool up = sub && (n == 2 || (n == 4 && i == 0));
            if (up && c >= 'a' && c <= 'z')
                c = (char)(c - 32);
            else if (!up && c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            out[o++] = c;
        }
        sub++;
        v += n;
        if (*v != '-' && *v != '_')
            break;
        v++;
    }
    out[o] = 0;
    if (o >= 2)
        article_meta_set(&m->lang, out);
}

/* Share of CJK characters in TEXT: decides the language when the page
 * does not say. They are those of U+3000..U+9FFF (CJK punctuation, kana,
 * the ideographs), against ASCII letters. */
static bool mostly_cjk(xmlNodePtr n)
{
    long cjk = 0, letters = 0;
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            const char *s = (const char *)n->content;
            for (size_t i = 0, len = strlen(s); i < len;) {
                uint32_t c = utf8_next(s, len, &i);
                if (c >= 0x3000 && c <= 0x9FFF)
                    cjk++;
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                    letters++;
            }
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            if (mostly_cjk(n->children))
                return true;
        }
    }
    return cjk * 4 > letters && cjk > 0;
}

void page_meta_lang_fallback(article_meta *m, xmlNodePtr body, const char *charset)
{
    if (m->lang && *m->lang)
        return;
    if (mostly_cjk(body->children))
        article_meta_set(&m->lang, strncmp(charset, "BIG5", 4) == 0 ? "zh-TW" : "zh-CN");
    else
        article_meta_set(&m->lang, "en");
}
