/* What a box's names say of it: the class and id tokens (and the names a
 * site gives its components for tests) against the words a CMS uses for
 * an article's body, for furniture, and for ads; and the markup
 * standards' own word for the body. */
#include "clean/furniture.h"
#include "util/hash.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* The pairs of letters that stand side by side in a box's names: a word
 * whose first two letters are not among them is not looked for, so that
 * each of a hundred words costs a bit's test rather than a search. */
typedef struct {
    uint64_t bits[11];   /* 26 x 26 */
} fu_pairs;

static int fu_pair_at(const char *s)
{
    unsigned a = (unsigned char)s[0] - 'a', b = (unsigned char)s[1] - 'a';
    return s[0] && a < 26 && b < 26 ? (int)(a * 26 + b) : -1;
}

static void fu_pairs_of(const char *hay, fu_pairs *p)
{
    memset(p, 0, sizeof *p);
    for (; hay[0] && hay[1]; hay++) {
        int at = fu_pair_at(hay);
        if (at >= 0)
            p->bits[at / 64] |= 1ULL << (at % 64);
    }
}

static bool fu_may_hold(const fu_pairs *p, const char *needle)
{
    int at = fu_pair_at(needle);
    return at < 0 || (p->bits[at / 64] >> (at % 64) & 1);
}

static bool fu_any(const char *hay, const fu_pairs *pairs, const char *const *needles)
{
    for (; *needles; needles++)
        if (fu_may_hold(pairs, *needles) && strstr(hay, *needles))
            return true;
    return false;
}

/* English words that hold a furniture word and mean something else: a
 * box so named is no furniture ("printer-friendly", "commentary",
 * "unavailable", "shareholders", "preview", "football", "candidate"). */
static const char *const fu_other_words[] = {
    "unavailable", "navy", "commentary", "commentator", "friendly", "printer", "shareholder", "preview",
    "prevent", "football", "footnote", "footage", "composition", "disposition", "proposition",
    "information", "infographic", "candidate", "mandate", "timeline", "maritime", "research",
    "frank", "franklin", "blueprint", "sprint", "fingerprint", "authority", "authorized",
    "authorization", "allocation", "relocation", "promotion", "promotional", "subscriber", "unsubscribe", NULL
};

static bool fu_in(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == n && !strncmp(s, *words, n))
            return true;
    return false;
}

/* CSS's own words after "position-": a utility class that sets how a box
 * is placed ("position-relative"), not a 当前位置 bar. */
static bool fu_css_position(const char *word, const char *end)
{
    static const char *const values[] = { "relative", "absolute", "static", "fixed", "sticky", NULL };
    if (end - word != 8 || strncmp(word, "position", 8) || end[0] != '-')
        return false;
    size_t n = strspn(end + 1, "abcdefghijklmnopqrstuvwxyz");
    return fu_in(end + 1, n, values);
}

/* Whether HAY (lower-cased names) holds one of NEEDLES, not inside one of
 * fu_other_words (a plural too) nor as CSS's "position-relative". */
static bool fu_any_word(const char *hay, const fu_pairs *pairs, const char *const *needles)
{
    for (; *needles; needles++) {
        if (!fu_may_hold(pairs, *needles))
            continue;
        size_t k = strlen(*needles);
        for (const char *p = hay; (p = strstr(p, *needles)); p++) {
            const char *word = p, *end = p + k;
            while (word > hay && islower((unsigned char)word[-1]))
                word--;
            while (islower((unsigned char)*end))
                end++;
            size_t n = (size_t)(end - word);
            if (fu_css_position(word, end) || fu_in(word, n, fu_other_words) ||
                (n > 1 && word[n - 1] == 's' && fu_in(word, n - 1, fu_other_words)))
                continue;
            return true;
        }
    }
    return false;
}

/* Sites whose classes are hashed by a CSS-in-JS build still name their
 * components for tests and analytics, and those names say what the
 * box is as a class would. */
static bool fu_is_name_attr(const char *a)
{
    return !strcmp(a, "class") || !strcmp(a, "id") || !strcmp(a, "data-testid")
        || !strcmp(a, "data-qa") || !strcmp(a, "data-component");
}

/* A utility class of a CSS framework sets one style and names nothing:
 * "text-sm", "text-slate-700", "text-muted", "md:text-lg" (Tailwind's and
 * Bootstrap's sizes, colours and alignments), unlike "text-wrapper". */
static bool fu_style_utility(const char *t, size_t len, bool is_class)
{
    static const char *const sets[] = {
        "xs", "sm", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl", "left", "center", "right", "justify",
        "start", "end", "slate", "gray", "grey", "zinc", "neutral", "stone", "red", "orange", "amber",
        "yellow", "lime", "green", "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple",
        "fuchsia", "pink", "rose", "black", "white", "muted", "primary", "secondary", "success", "danger",
        "warning", "light", "dark", "body", "nowrap", "wrap", "truncate", "ellipsis", "uppercase",
        "lowercase", "capitalize", NULL
    };
    if (is_class && memchr(t, ':', len))
        return true;    /* a variant: "md:text-lg", "hover:underline" (an id "page:comments" is a name) */
    if (len <= 5 || strncasecmp(t, "text-", 5))
        return false;
    const char *v = t + 5;
    size_t vl = strcspn(v, "-");
    if (vl > len - 5)
        vl = len - 5;
    for (int i = 0; sets[i]; i++)
        if (strlen(sets[i]) == vl && !strncasecmp(v, sets[i], vl))
            return true;
    return false;
}

/* The tokens of S, lower-cased and blank-separated, at OUT + K, but for
 * style utilities; the new K. */
static size_t fu_copy_tokens(const char *s, bool is_class, char *out, size_t k, size_t cap)
{
    while (*s) {
        size_t gap = strspn(s, " \t\r\n");
        s += gap;
        size_t len = strcspn(s, " \t\r\n");
        if (len && !fu_style_utility(s, len, is_class)) {
            for (size_t i = 0; i < len && k + 2 < cap; i++)
                out[k++] = (char)tolower((unsigned char)s[i]);
            if (k + 2 < cap)
                out[k++] = ' ';
        }
        s += len;
    }
    return k;
}

/* class and id joined and lower-cased, so each pattern is one strstr. */
static void fu_names(xmlNodePtr n, char *out, size_t cap)
{
    out[0] = '\0';
    if (!n || n->type != XML_ELEMENT_NODE)
        return;
    size_t k = 0;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (!fu_is_name_attr((const char *)a->name))
            continue;
        for (xmlNodePtr t = a->children; t; t = t->next)
            if (t->type == XML_TEXT_NODE && t->content)
                k = fu_copy_tokens((const char *)t->content, !strcmp((const char *)a->name, "class"), out, k, cap);
        if (k + 2 < cap)
            out[k++] = ' ';
    }
    out[k] = '\0';
}

static const char *const fu_cms_body[] = {
    "trs_editor", "zoom", "ucap-content", "pages_content", "article-content",
    "rich_media_content", "artibody", "article_content", "articlecontent",
    "news_content", "newscontent", "content_text", "contenttext", "main-text",
    "trs_ueditor", "custom_unionstyle", "detail-content", "detailcontent",
    "art_con", "article_con", "con_text", "post-content", "entry-content",
    "article-body", "articlebody", "story-body", "endtext", "text_content",
    NULL
};

static const char *const fu_positive[] = {
    "article", "content", "body", "main", "text", "entry", "post", "story",
    "detail", "zhengwen", "wenzhang", "prose", NULL
};

static const char *const fu_negative[] = {
    "nav", "menu", "crumb", "position", "location", "weizhi", "dqwz",
    "footer", "foot", "bottom", "copyright", "banquan", "header", "topbar",
    "sidebar", "aside", "widget", "share", "fenxiang", "bdshare",
    "social", "related", "relate", "xgxw", "xgyd", "recommend", "hotnews",
    "comment", "reply", "pinglun", "pager", "pagination", "prenext",
    /* the comments in the languages their sites name them in */
    "comentario", "kommentar", "komentar", "reactie",
    "prev", "next", "print", "dayin", "fontsize", "zihao", "tool",
    "banner", "advert", "guanggao", "sponsor", "promo",
    "login", "search", "link", "friend", "rank", "tags", "subscribe",
    "popup", "modal", "qrcode", "erweima", "statement", "disclaimer", "newsletter", "signup",
    "marketing", "meta", "info", "byline", "author", "source", "date", "time",
    NULL
};

static const char *const fu_unlikely[] = {
    "nav", "menu", "crumb", "footer", "copyright", "sidebar", "comment",
    "comentario", "kommentar", "komentar", "reactie",
    "share", "related", "xgxw", "recommend", "banner", "advert", "guanggao",
    "sponsor", "popup", "pager", "pagination", "prenext", "friend", "login",
    "qrcode", "erweima", "disclaimer", "statement", "breadcrumb", "position",
    "newsletter", "signup", "subscribe", "marketing", "promo", "donate", "donation", "discussion", "disqus",
    "author-card", "author-bio", "authorbio", "author-box", "authorbox", "about-author", "about-the-author",
    /* a forum's or a Q&A site's card of who posted and the votes cast */
    "user-info", "userinfo", "user-details", "post-signature", "vote-count", "votecell", "voting",
    /* a forum's post: who wrote it, their rank, the buttons, the signature
     * under each post, who is online */
    "postprofile", "post-buttons", "signature", "online-list", "whoisonline", "profile-rank",
    NULL
};

static const char *const fu_maybe[] = {
    "article", "content", "body", "main", "column", "text", "zoom", "detail",
    NULL
};

/* A class or id token that names an advertisement slot: "ad", "ads", or
 * a compound whose first or last word is one ("ad-unit", "ad_box",
 * "movable-ad"); never a word that merely holds the letters ("head",
 * "add", "adapt"), nor a compound that says there are none ("no-ads",
 * "ad-free", "hide-ads"). */
static bool fu_ad_word(const char *w, size_t n)
{
    return (n == 2 && !strncmp(w, "ad", 2)) || (n == 3 && !strncmp(w, "ads", 3));
}

static bool fu_ad_compound(const char *t, size_t n)
{
    static const char *const negating[] = { "no", "non", "without", "hide", "has", "with", "show", "free",
                                            "block", "blocker", NULL };
    size_t first = strcspn(t, "-_");
    if (first > n)
        first = n;
    size_t last_at = n;
    while (last_at > 0 && t[last_at - 1] != '-' && t[last_at - 1] != '_')
        last_at--;
    if (!fu_ad_word(t, first) && !fu_ad_word(t + last_at, n - last_at))
        return false;
    for (size_t at = 0; at < n;) {
        size_t len = strcspn(t + at, "-_ ");
        if (at + len > n)
            len = n - at;
        for (int i = 0; negating[i]; i++)
            if (len == strlen(negating[i]) && !strncmp(t + at, negating[i], len))
                return false;
        at += len + 1;
    }
    return true;
}

static bool fu_ad_token(const char *names)
{
    for (const char *p = names; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n && fu_ad_compound(p, n))
            return true;
        p += n;
    }
    return false;
}

/* Pages repeat the same few class names on hundreds of elements; judging
 * each distinct one once saves most of the pattern matching. */
#define FU_CACHE 512
static struct {
    char names[96];
    furniture_names result;
} fu_cache[FU_CACHE];

static unsigned fu_hash(const char *s)
{
    return hash_fnv1a(HASH_FNV1A_START, s, strlen(s)) % FU_CACHE;
}

void furniture_classify(xmlNodePtr n, furniture_names *out)
{
    char names[512];
    fu_names(n, names, sizeof names);
    out->weight = 0;
    out->cms_body = out->unlikely = false;
    if (!names[0])
        return;
    size_t len = strlen(names);
    unsigned slot = fu_hash(names);
    if (len < sizeof fu_cache[0].names && !strcmp(fu_cache[slot].names, names)) {
        *out = fu_cache[slot].result;
        return;
    }
    fu_pairs pairs;
    fu_pairs_of(names, &pairs);
    out->cms_body = fu_any(names, &pairs, fu_cms_body);
    out->weight = out->cms_body ? 50 : fu_any(names, &pairs, fu_positive) ? 25 : 0;
    bool ad = fu_ad_token(names);
    if (ad || fu_any_word(names, &pairs, fu_negative))
        out->weight -= 25;
    out->unlikely = !out->cms_body && (ad || fu_any_word(names, &pairs, fu_unlikely)) &&
                    !fu_any(names, &pairs, fu_maybe);
    if (len < sizeof fu_cache[0].names) {
        memcpy(fu_cache[slot].names, names, len + 1);
        fu_cache[slot].result = *out;
    }
}

bool furniture_is_cms_body(xmlNodePtr n)
{
    furniture_names f;
    furniture_classify(n, &f);
    return f.cms_body;
}

int furniture_class_weight(xmlNodePtr n)
{
    furniture_names f;
    furniture_classify(n, &f);
    return f.weight;
}

/* The markup standards give a body its name on every site alike: the
 * schema.org articleBody property, the <main> element and the main
 * landmark role. They weigh where the site's own names do not. (Not
 * <article>: pages set every teaser, card and comment in one.) */
/* N's itemprop holds WORD. */
static bool fu_itemprop(xmlNodePtr n, const char *word)
{
    const char *prop = n->properties ? xml_attr_ref(n, "itemprop") : NULL;
    return prop && strstr(prop, word);
}

bool furniture_declares_body(xmlNodePtr n)
{
    return fu_itemprop(n, "articleBody");
}

int furniture_standard_weight(xmlNodePtr n)
{
    if (fu_itemprop(n, "articleBody") || fu_itemprop(n, "reviewBody") || xml_is(n, "main"))
        return 25;
    const char *role = n->properties ? xml_attr_ref(n, "role") : NULL;
    return role && !strcmp(role, "main") ? 25 : 0;
}

bool furniture_unlikely(xmlNodePtr n)
{
    furniture_names f;
    furniture_classify(n, &f);
    return f.unlikely;
}
