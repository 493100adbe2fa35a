/* Title strings (<title>, ArticleTitle, og:title…) taken apart: the pieces
 * between the separators a site puts between a title, its section and its
 * own name, the keys the title's element is looked for by, the piece that
 * is the title, and whether a string names the site rather than an article. */
#include "clean/meta/page_meta_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A separator between a title and a site or section name at S[I], or 0.
 * '-' and '_' also appear inside titles ("COVID-19", "file_name"): they
 * separate only next to a space or a non-ASCII character. */
static size_t sep_at(const char *s, size_t i, bool liberal)
{
    static const char *const seps[] = {
        " - ", " – ", " — ", " | ", " :: ", " · ", " » ", " / ",
        "——", "—", "|", "｜", "丨", "::", "»", "－", "–", " •",
    };
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t n = strlen(seps[k]);
        if (strncmp(s + i, seps[k], n) == 0)
            return n;
    }
    unsigned char before = i ? (unsigned char)s[i - 1] : ' ';
    unsigned char after = (unsigned char)s[i + 1];
    if (s[i] == '-' || s[i] == '_') {
        if (liberal || before == ' ' || after == ' ' || before >= 0x80 || after >= 0x80)
            return 1;
    }
    /* Looking for the heading, any cut may be the one ("…ZoomEye-CSDN.NET",
     * "…技能大赛 湖南省中医药研究院附属医院"): a wrong cut matches nothing. */
    if (liberal && s[i] == ' ' && (before >= 0x80 || after >= 0x80))
        return 1;
    /* An ideographic space both parts a headline's phrases and stands
     * between a paper's name, its section and the headline. */
    if (liberal && !strncmp(s + i, "\u3000", 3))
        return 3;
    return 0;
}

/* A title string cut short still names its heading when this much of it
 * is left. */
#define TITLE_CUT_CHARS 12

static void add_key(tkeys *ks, const char *s, size_t len, int kind, int weight, buf_t *tmp)
{
    while (len && s[0] == ' ') { s++; len--; }
    while (len && s[len - 1] == ' ') len--;
    if (!len)
        return;
    char *raw = xstrndup(s, len);
    int chars = pm_norm_title(raw, tmp);
    free(raw);
    if (chars < 2)
        return;
    /* a string a CMS cut short ("…projektu miejscowego planu...") */
    bool cut = false;
    for (int k = 0; k < 2; k++) {
        const char *dots = k ? "..." : "\u2026";
        size_t dl = strlen(dots);
        if (tmp->len > dl && !strcmp(tmp->data + tmp->len - dl, dots) && chars - 3 >= TITLE_CUT_CHARS) {
            tmp->len -= dl;
            tmp->data[tmp->len] = '\0';
            chars -= k ? 3 : 1;
            cut = true;
        }
    }
    ALLOC_GROW(ks->keys, ks->n + 1, ks->cap);
    ks->keys[ks->n++] = (tkey){ xstrdup(tmp->data), chars, kind, 0, false, false, weight, cut };
}

/* Pieces of T between separators: start and end offsets, trimmed. */
/* Past a tag a portal sets before its titles, "[视频]", "【图文】", "（组图）":
 * a bracket of up to four characters at the start, with the title after. */
#define TITLE_TAG_CHARS 4

/* A numbered issue's or episode's prefix, "87: ", "#87: ", "Ep. 87: ":
 * a few letters and a number, a colon, a space. */
static size_t title_number_tag(const char *t, size_t n)
{
    size_t i = 0;
    bool digit = false;
    for (; i < n && i < 14; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (!(c == '#' || c == '.' || c == ' ' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            break;
    }
    if (!digit || i + 1 >= n || t[i] != ':' || t[i + 1] != ' ' || !(t[i - 1] >= '0' && t[i - 1] <= '9'))
        return 0;
    return utf8_length(t + i + 2, n - i - 2) >= 4 ? i + 2 : 0;
}

static size_t title_tag(const char *t, size_t n)
{
    size_t numbered = title_number_tag(t, n);
    if (numbered)
        return numbered;
    static const char *const pairs[][2] = { { "[", "]" }, { "【", "】" }, { "（", "）" }, { "(", ")" },
                                            { "〔", "〕" } };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        size_t o = strlen(pairs[i][0]);
        if (n <= o || strncmp(t, pairs[i][0], o))
            continue;
        const char *close = strstr(t + o, pairs[i][1]);
        if (!close || close >= t + n)
            return 0;
        size_t inner = utf8_length(t + o, (size_t)(close - t - o));
        size_t after = (size_t)(close - t) + strlen(pairs[i][1]);
        return inner >= 1 && inner <= TITLE_TAG_CHARS && utf8_length(t + after, n - after) >= 4 ? after : 0;
    }
    return 0;
}

size_t pm_title_pieces(const char *t, bool liberal, size_t *st, size_t *en, size_t max)
{
    size_t n = strlen(t), np = 0, b = 0;
    for (size_t i = 0; i <= n && np < max; i++) {
        size_t k = i < n ? sep_at(t, i, liberal) : 1;
        if (!k || (i == 0 && i < n))
            continue;
        size_t s = b, e = i;
        while (s < e && t[s] == ' ') s++;
        while (e > s && t[e - 1] == ' ') e--;
        if (e > s) {
            st[np] = s;
            en[np++] = e;
        }
        b = i + k;
        i += k - 1;
    }
    return np;
}

/* Keys for one title string: the whole, every cut before and after a
 * separator, and every piece between two. Cuts at the looser separators
 * (a bare "-", a space next to CJK) only serve to find the heading, and
 * must cover most of the string. */
void pm_title_keys(tkeys *ks, const char *t, int weight, buf_t *tmp)
{
    if (!t || !*t)
        return;
    size_t st[16], en[16], n = strlen(t);
    size_t np = pm_title_pieces(t, false, st, en, 16);
    size_t from = ks->n;
    add_key(ks, t, n, K_FULL, weight, tmp);
    if (ks->n == from)
        return;
    /* and without the tag before it ("【图文】…"), which the heading may lack */
    size_t tag = np ? title_tag(t + st[0], en[0] - st[0]) : 0;
    if (tag && np == 1)
        add_key(ks, t + st[0] + tag, en[0] - st[0] - tag, K_FULL, weight, tmp);
    int whole = ks->keys[from].chars;
    int longest = 0;
    size_t piece_from = ks->n;
    for (size_t i = 0; np > 1 && i < np; i++) {
        size_t before = ks->n;
        int kind = i == 0 ? K_PREFIX : i + 1 == np ? K_SUFFIX : K_SEG;
        add_key(ks, t + st[i], en[i] - st[i], kind, weight, tmp);
        if (i == 0 && tag)
            add_key(ks, t + st[i] + tag, en[i] - st[i] - tag, kind, weight, tmp);
        for (size_t k = before; k < ks->n; k++) {
            ks->keys[k].first = i == 0;
            ks->keys[k].longest = true;    /* settled below */
            if (ks->keys[k].chars > longest)
                longest = ks->keys[k].chars;
        }
    }
    for (size_t i = piece_from; i < ks->n; i++)
        ks->keys[i].longest = ks->keys[i].chars >= longest;
    for (size_t i = 1; i + 1 < np; i++) {
        add_key(ks, t, en[i], K_PREFIX, weight, tmp);
        add_key(ks, t + st[i], n - st[i], K_SUFFIX, weight, tmp);
    }
    size_t loose_from = ks->n;
    size_t lst[16], len_[16];
    size_t nl = pm_title_pieces(t, true, lst, len_, 16);
    for (size_t i = 0; nl > np && i + 1 < nl; i++) {
        add_key(ks, t, len_[i], K_PREFIX, weight, tmp);
        add_key(ks, t + lst[i + 1], n - lst[i + 1], K_SUFFIX, weight, tmp);
    }
    for (size_t i = from; i < ks->n; i++) {
        tkey *k = &ks->keys[i];
        k->cover = (double)k->chars / whole;
        if (i >= loose_from && k->cover < 0.5)
            k->cover = 0;   /* too short a loose cut to trust */
    }
}

void pm_free_keys(tkeys *ks)
{
    for (size_t i = 0; i < ks->n; i++)
        free(ks->keys[i].norm);
    free(ks->keys);
}

/* The piece of a title string that is the title: "标题_栏目_网站" gives
 * 标题. The first piece, unless it is short and another is much longer
 * (the "网站 - 标题" order) or it is the site's name. */
char *pm_title_from_string(const char *t, const char *site)
{
    if (!t)
        return NULL;
    size_t starts[16], ends[16];
    size_t np = pm_title_pieces(t, false, starts, ends, 16);
    if (np == 0)
        return NULL;
    buf_t tmp, site_norm;
    buf_init(&tmp);
    buf_init(&site_norm);
    if (site)
        pm_norm_title(site, &site_norm);
    size_t best = 0;
    int best_chars = -1, first_chars = -1;
    for (size_t i = 0; i < np; i++) {
        char *piece = xstrndup(t + starts[i], ends[i] - starts[i]);
        int c = pm_norm_title(piece, &tmp);
        bool is_site = site && site_norm.len && tmp.len && strcmp(tmp.data, site_norm.data) == 0;
        free(piece);
        if (i == 0)
            first_chars = is_site ? 0 : c;
        if (!is_site && c > best_chars) {
            best_chars = c;
            best = i;
        }
    }
    buf_free(&tmp);
    buf_free(&site_norm);
    size_t pick = (first_chars >= 10 || first_chars * 3 > best_chars) ? 0 : best;
    size_t tag = title_tag(t + starts[pick], ends[pick] - starts[pick]);
    return xstrndup(t + starts[pick] + tag, ends[pick] - starts[pick] - tag);
}

/* A <title> that names the site, not the article: the site's own name, a
 * greeting ("欢迎访问…"), or a word or two. */
bool pm_looks_like_site_name(const char *t, const char *site)
{
    buf_t a, b;
    buf_init(&a);
    buf_init(&b);
    int chars = pm_norm_title(t, &a);
    bool same = false;
    if (site) {
        pm_norm_title(site, &b);
        same = b.len && a.len && strcmp(a.data, b.data) == 0;
    }
    static const char *const words[] = { "欢迎", "访问", "首页", "门户", "主页", "Home", "home" };
    bool word = false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        word = word || (a.data && strstr(a.data, words[i]));
    /* Names of sites end so: "…新闻网", "…人民政府", "…官方网站", and
     * a paper's pages so: "…日报电子版", "…晚报数字报". */
    static const char *const tails[] = { "网", "网站", "政府", "官网", "门户", "首页", "频道",
                                         "電子版", "电子版", "数字报", "數字報", "日报", "日報",
                                         "晚报", "晚報", "網", "網站", "官網", "門戶", "首頁", "頻道" };
    bool tail = false;
    for (size_t i = 0; i < sizeof tails / sizeof tails[0] && a.data; i++) {
        size_t n = strlen(tails[i]);
        tail = tail || (a.len >= n && strcmp(a.data + a.len - n, tails[i]) == 0);
    }
    buf_free(&a);
    buf_free(&b);
    return same || word || chars <= 6 || (tail && chars <= 16);
}

/* What C stands for in a normalised title: itself, an ASCII character, or
 * 0 for a blank, which is left out. */
static uint32_t norm_title_char(uint32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == PM_GAP ||
        c == PM_EDGE || c == 0xA0 || c == 0x3000)
        return 0;
    if (c >= 0xFF01 && c <= 0xFF5E)      /* full-width forms of ASCII ! to ~ */
        c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0x2010 && c <= 0x2015)      /* hyphens and dashes */
        return '-';
    if (c >= 0x2018 && c <= 0x201F)      /* curly quotes, single then double */
        return c >= 0x201C ? '"' : '\'';
    return c;
}

int pm_norm_title(const char *s, buf_t *out)
{
    int chars = 0;
    buf_reset(out);
    buf_add(out, "", 0);
    for (size_t i = 0, n = strlen(s); i < n;) {
        size_t at = i;
        uint32_t c = norm_title_char(utf8_next(s, n, &i));
        if (!c)
            continue;
        chars++;
        /* A character kept as it was keeps its bytes: a stray one too. */
        if (c < 0x80)
            buf_putc(out, (char)c);
        else
            buf_add(out, s + at, i - at);
    }
    return chars;
}
