/* The article's language: the page's <html lang> (or a language meta tag),
 * in BCP 47 case, unless the text is in another script than the language's;
 * when it says none, or wrongly, Chinese for text that is mostly CJK (zh-TW
 * when it came as Big5), Japanese or Korean by their scripts, else English. */
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

/* What the article's text is written in: its characters counted by script. */
typedef struct {
    long han, kana, hangul, letters;
} lang_script;

static void count_scripts(xmlNodePtr n, lang_script *k)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            count_scripts(n->children, k);
            continue;
        }
        if (n->type != XML_TEXT_NODE)
            continue;
        const char *s = (const char *)n->content;
        for (size_t i = 0, len = strlen(s); i < len;) {
            uint32_t c = utf8_next(s, len, &i);
            if (c >= 0x3040 && c <= 0x30FF)
                k->kana++;
            else if ((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF))
                k->han++;
            else if (c >= 0xAC00 && c <= 0xD7AF)
                k->hangul++;
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                k->letters++;
        }
    }
}

/* A language written in CJK characters: zh, ja, ko and Chinese's other
 * codes (yue, cmn, lzh, wuu...) all begin so or are zh's. */
static bool lang_is_cjk(const char *lang)
{
    static const char *const codes[] = { "zh", "ja", "ko", "yue", "cmn", "lzh", "wuu", "hak", "nan", "gan", "hsn", NULL };
    size_t n = strcspn(lang, "-");
    for (int i = 0; codes[i]; i++)
        if (strlen(codes[i]) == n && !strncmp(lang, codes[i], n))
            return true;
    return false;
}

/* The CJK language of text in CJK characters: kana make it Japanese,
 * hangul Korean, else Chinese (Traditional when it came as Big5). */
static const char *cjk_lang(const lang_script *k, const char *charset)
{
    long cjk = k->han + k->kana + k->hangul;
    if (k->hangul * 2 > cjk)
        return "ko";
    if (k->kana * 20 > cjk)
        return "ja";
    return strncmp(charset, "BIG5", 4) == 0 ? "zh-TW" : "zh-CN";
}

void page_meta_lang_fallback(article_meta *m, xmlNodePtr body, const char *charset)
{
    lang_script k = { 0 };
    count_scripts(body->children, &k);
    long cjk = k.han + k.kana + k.hangul;
    if (!m->lang || !*m->lang)
        article_meta_set(&m->lang, cjk * 4 > k.letters && cjk > 0 ? cjk_lang(&k, charset) : "en");
    else if (!lang_is_cjk(m->lang) && cjk > k.letters)
        /* a template's lang="en" over a Chinese text: the text says better */
        article_meta_set(&m->lang, cjk_lang(&k, charset));
}
