/* What looks like a title or an author and is not one, told by its
 * structure: the site's own name (og:site_name, the logo's alt text; for
 * an author also the last part of <title>), a breadcrumb ("首页 > 新闻动态"), the software that
 * made the page or its maker (a generator tag's words, a version number, a
 * company's name), an address. Each answer is the reason, for --explain. */
#include "clean/meta/page_meta_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool same_norm(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    buf_t x, y;
    buf_init(&x);
    buf_init(&y);
    pm_norm_title(a, &x);
    pm_norm_title(b, &y);
    bool same = x.len && y.len && strcmp(x.data, y.data) == 0;
    buf_free(&x);
    buf_free(&y);
    return same;
}

/* The last part of <title> when it has several: "…_新闻_某某网" → 某某网. */
static char *title_tail(const pm_page *p)
{
    const char *t = p->meta[PM_M_TITLE];
    size_t st[16], en[16];
    size_t np = t ? pm_title_pieces(t, false, st, en, 16) : 0;
    return np > 1 ? xstrndup(t + st[np - 1], en[np - 1] - st[np - 1]) : NULL;
}

const char *pm_site_name_match(const pm_page *p, const char *v)
{
    /* application-name holds the article's title on some pages. */
    if (!p->site_from_app && same_norm(v, p->meta[PM_M_SITENAME]))
        return "the site's name (og:site_name)";
    if (same_norm(v, p->meta[PM_M_LOGO]))
        return "the site's name (its logo)";
    return NULL;
}

/* Is V the last part of <title>, where a site names itself ("…_新闻_某某网")?
 * Only for names: a title may stand last too ("栏目--标题"). */
static bool title_tail_is(const pm_page *p, const char *v)
{
    char *tail = title_tail(p);
    bool tailed = tail && same_norm(v, tail);
    /* "Salon.com" is Salon's name too. */
    static const char *const tlds[] = { ".com", ".cn", ".net", ".org", ".com.cn" };
    size_t tn = tail ? strlen(tail) : 0;
    for (size_t i = 0; tail && !tailed && i < sizeof tlds / sizeof tlds[0]; i++) {
        size_t k = strlen(tlds[i]);
        if (tn > k && strcasecmp(tail + tn - k, tlds[i]) == 0) {
            tail[tn - k] = 0;
            tailed = same_norm(v, tail);
            tail[tn - k] = tlds[i][0];
        }
    }
    free(tail);
    return tailed;
}

/* Words that open a breadcrumb: the site's home. */
static bool home_word(const char *s, size_t n)
{
    static const char *const homes[] = { "首页", "主页", "网站首页", "返回首页", "Home", "HOME",
                                         "home", "首頁", "主頁" };
    for (size_t i = 0; i < sizeof homes / sizeof homes[0]; i++)
        if (strlen(homes[i]) == n && memcmp(s, homes[i], n) == 0)
            return true;
    return false;
}

/* The separator of a breadcrumb at S, its length or 0. */
static size_t crumb_sep(const char *s)
{
    static const char *const seps[] = { ">>", "&gt;", ">", "»", "›", "→", "＞", "/", "／",
                                        "-", "－", "—", "–", "|", "｜" };
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (strncmp(s, seps[i], strlen(seps[i])) == 0)
            return strlen(seps[i]);
    return 0;
}

bool pm_is_breadcrumb(const char *t)
{
    /* "您现在的位置：首页 > …" names itself. */
    const char *colon = strstr(t, "位置");
    if (colon && colon - t <= 12) {
        t = colon + strlen("位置");
        while (*t == ':' || *t == ' ' || !strncmp(t, "：", 3))
            t += *t == ':' || *t == ' ' ? 1 : 3;
    }
    while (*t == ' ')
        t++;
    size_t n = 0;
    while (t[n] && !crumb_sep(t + n))
        n++;
    size_t first = n;
    while (first && t[first - 1] == ' ')
        first--;
    if (!t[n] || !home_word(t, first))
        return false;
    /* Then short parts: a section's name, not a sentence. */
    for (const char *q = t + n; *q;) {
        size_t k = crumb_sep(q);
        q += k ? k : 1;
        while (*q == ' ')
            q++;
        size_t part = 0;
        while (q[part] && !crumb_sep(q + part))
            part++;
        if (part > 60)
            return false;
        q += part;
    }
    return true;
}

/* The name a template gives every page of a kind ("信件详情", "无标题文档",
 * "Untitled Document"): it says what the page is, not what it tells. */
static bool page_kind_name(const char *t)
{
    static const char *const names[] = {
        "无标题文档", "无标题页", "未命名", "未命名文档", "详情", "详情页", "正文", "正文内容",
        "详细内容", "详细信息", "文章内容", "新闻内容", "信息内容", "内容详情", "内容页",
        "untitled", "untitled document", "untitled page", "new page 1", "document", NULL
    };
    while (*t == ' ')
        t++;
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        n--;
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && !strncasecmp(t, names[i], n))
            return true;
    /* "信件详情", "新闻详情页": a kind of page and 详情, in a few characters */
    static const char *const ends[] = { "详情", "详情页", "详细页", NULL };
    size_t chars = utf8_length(t, n);
    for (int i = 0; ends[i] && chars <= 6; i++) {
        size_t k = strlen(ends[i]);
        if (n > k && !memcmp(t + n - k, ends[i], k))
            return true;
    }
    return false;
}

const char *pm_not_title(const pm_page *p, const char *t)
{
    if (!t || !*t)
        return "empty";
    if (pm_is_breadcrumb(t))
        return "a breadcrumb";
    if (page_kind_name(t))
        return "the name of a kind of page, not of this one";
    return pm_site_name_match(p, t);
}

/* ---- authors ---- */

/* Does V hold a version number ("X3.4", "5.2.1"), as software's names do? */
static bool has_version(const char *v)
{
    for (const char *q = v; *q; q++)
        if (pm_is_digit(q[0]) && q[1] == '.' && pm_is_digit(q[2]))
            return true;
    return false;
}

/* Does V hold WORD as a word of its own (Latin, any case)? */
static bool has_word(const char *v, const char *word)
{
    size_t k = strlen(word);
    for (const char *q = v; *q; q++) {
        if (strncasecmp(q, word, k) != 0)
            continue;
        bool start = q == v || !((q[-1] | 0x20) >= 'a' && (q[-1] | 0x20) <= 'z');
        char e = q[k];
        bool end = !((e | 0x20) >= 'a' && (e | 0x20) <= 'z');
        if (start && end)
            return true;
    }
    return false;
}

/* A company, a program or a news outlet rather than a person: its kind
 * said in its name. */
static bool names_maker(const char *v)
{
    static const char *const latin[] = { "team", "inc", "ltd", "llc", "corp", "corporation",
                                         "technologies", "software", "studio", "cms",
                                         "powered", "gmbh" };
    static const char *const tails[] = { "网络", "科技", "公司", "集团", "软件", "技术",
                                         "工作室", "網絡", "軟件", "集團", "网", "網", "日报",
                                         "报社", "通讯社", "电视台", "电台", "频道" };
    for (size_t i = 0; i < sizeof latin / sizeof latin[0]; i++)
        if (has_word(v, latin[i]))
            return true;
    size_t n = strlen(v);
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t k = strlen(tails[i]);
        if (n > k && strcmp(v + n - k, tails[i]) == 0)
            return true;
    }
    return false;
}

/* Do V and the generator tag G begin alike (their first word, or their
 * first two characters in Chinese): "大汉网络" made by "大汉版通"? */
static bool shares_maker(const char *v, const char *g)
{
    if (!g || !*g)
        return false;
    if (same_norm(v, g))
        return true;
    size_t i = 0, n = strlen(v), vl = 0;
    uint32_t c = utf8_next(v, n, &i);
    if (c >= 0x80) {
        utf8_next(v, n, &i);
        vl = i;
    } else {
        while (vl < n && v[vl] != ' ' && v[vl] != '!')
            vl++;
    }
    return vl >= 2 && strncasecmp(v, g, vl) == 0;
}

static bool is_address(const char *v)
{
    if (!strncasecmp(v, "http", 4) || !strncasecmp(v, "www.", 4) || strstr(v, "://"))
        return true;
    const char *at = strchr(v, '@');
    return at && at > v && strchr(at, '.') && !strchr(v, ' ');
}

/* The word on a button beside an author's name: follow, subscribe. */
static bool is_button_word(const char *v)
{
    static const char *const words[] = { "关注", "+关注", "+ 关注", "已关注", "加关注", "订阅", "Follow", "follow",
                                         "+ Follow", "Subscribe", "subscribe", "Following" };
    while (*v == ' ')
        v++;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(v, words[i]))
            return true;
    return false;
}

/* A word that joins names, left alone where the names were not read
 * ("and", "和"). */
static bool is_joining_word(const char *v)
{
    static const char *const words[] = { "and", "And", "&", "by", "By", "with", "und", "et", "y", "e",
                                         "和", "与", "及" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(v, words[i]))
            return true;
    return false;
}

const char *pm_not_author(const pm_page *p, const char *v, const char *publisher)
{
    if (is_joining_word(v))
        return "a word that joins names, not a name";
    if (is_address(v))
        return "an address, not a name";
    if (is_button_word(v))
        return "a button's word (follow, subscribe), not a name";
    const char *site = pm_site_name_match(p, v);
    if (site)
        return site;
    if (title_tail_is(p, v))
        return "the site's name (the last part of <title>)";
    if (same_norm(v, p->meta[PM_M_APPNAME]))
        return "the site's name (application-name)";
    if (same_norm(v, publisher))
        return "the publisher's name";
    if (shares_maker(v, p->meta[PM_M_GENERATOR]))
        return "the software that made the page (its generator tag)";
    if (has_version(v) || names_maker(v))
        return "a program, a company or an outlet, not a person";
    return NULL;
}
