/* Lines above the text: between the title and the first sentence, the
 * words a page's widgets leave and links that lead away; a kicker over the
 * title; among the first and the last lines, a reprint's note of its
 * original title. */
#include "clean/normalize/normalize.h"
#include "clean/furniture.h"
#include "util/utf8.h"
#include "util/zh_doc.h"

#include <string.h>

/* Above the text, between the title and the first sentence, a page's
 * widgets leave words of their own on lines of their own: 字号, 关注, 收藏,
 * 图集, a count. A line of at most HEAD_WORD characters there with no mark
 * of punctuation is such a word; a kicker, a subtitle, a section's label
 * ("会议议程") is longer. Pictures and headings stay, and nothing goes
 * unless a sentence follows. */
#define HEAD_WORD 2

bool nz_widget_word(const char *text, const nz_line *t)
{
    if (t->chars == 0 || t->chars > HEAD_WORD || t->marks || t->stops || t->date)
        return false;
    if (zh_doc_is_contents_word(text))
        return false;   /* a law's 目录 heads its contents */
    for (const char *p = text; *p; p++)
        if (strchr("()[]<>:", *p))
            return false;
    return true;
}

static bool nz_prose_follows(xmlNodePtr n)
{
    xmlNodePtr next = n->next;
    while (next && next->type != XML_ELEMENT_NODE)
        next = next->next;
    if (!next || !xml_is(next, "p"))
        return false;
    xmlChar *raw = xmlNodeGetContent(next);
    bool prose = nz_line_measure(raw ? (const char *)raw : "").stops > 0;
    xmlFree(raw);
    return prose;
}

/* TEXT is digits alone, blanks around them: a widget's count. */
static bool is_count(const char *text)
{
    text += strspn(text, " \t\n\r");
    size_t digits = strspn(text, "0123456789");
    return digits && !text[digits + strspn(text + digits, " \t\n\r")];
}

/* A line that is one link pointing away, with nothing else in it. */
static bool is_onward_link_line(xmlNodePtr p, const char *text, const nz_line *t)
{
    return nz_sole_element(p, "a") && t->chars <= NZ_LINE_SHORT && t->stops == 0 && nz_leads_away(text);
}

/* The button that follows an account: 关注, +关注, 订阅, Follow. */
static bool is_follow_word(const char *text)
{
    static const char *const words[] = { "关注", "+关注", "加关注", "订阅", "Follow", "Subscribe", NULL };
    text += strspn(text, " \t\n\r");
    size_t n = strlen(text);
    while (n && strchr(" \t\n\r", text[n - 1]))
        n--;
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncmp(text, words[i], n))
            return true;
    return false;
}

/* A time as a feed prints it, relative to the reader's day: 刚刚, 昨天,
 * 今天 12:30, 3小时前, "5 hours ago", "Yesterday". It dates nothing once
 * the page is saved. */
static bool is_relative_time(const char *text)
{
    static const char *const days[] = { "刚刚", "今天", "昨天", "前天", "Today", "Yesterday", "today",
                                        "yesterday", "Just now", "just now", NULL };
    static const char *const ago[] = { "秒前", "分钟前", "小时前", "天前", "周前", " seconds ago",
                                       " minutes ago", " hours ago", " days ago", " weeks ago",
                                       " second ago", " minute ago", " hour ago", " day ago", NULL };
    const char *p = text + strspn(text, " \t\n\r");
    const char *rest = NULL;
    for (int i = 0; days[i] && !rest; i++)
        if (!strncmp(p, days[i], strlen(days[i])))
            rest = p + strlen(days[i]);
    if (!rest) {
        rest = p + strspn(p, "0123456789");
        if (rest == p || rest - p > 2)
            return false;
        const char *unit = NULL;
        for (int i = 0; ago[i] && !unit; i++)
            if (!strncmp(rest, ago[i], strlen(ago[i])))
                unit = ago[i];
        if (!unit)
            return false;
        rest += strlen(unit);
    } else {
        /* 今天 12:30 */
        rest += strspn(rest, " ");
        size_t h = strspn(rest, "0123456789");
        if (h && h <= 2 && rest[h] == ':' && strspn(rest + h + 1, "0123456789") == 2)
            rest += h + 3;
    }
    return !rest[strspn(rest, " \t\n\r")];
}

#define HEAD_DROPS 12
typedef struct {
    xmlNodePtr n[HEAD_DROPS];
    const char *what[HEAD_DROPS];
    int count;
} head_drops;

static void head_drop(head_drops *h, xmlNodePtr n, const char *what)
{
    for (int i = 0; i < h->count; i++)
        if (h->n[i] == n)
            return;
    if (h->count < HEAD_DROPS) {
        h->n[h->count] = n;
        h->what[h->count++] = what;
    }
}

static xmlNodePtr element_before(xmlNodePtr n)
{
    for (n = n->prev; n && n->type != XML_ELEMENT_NODE; n = n->prev)
        ;
    return n;
}

/* An account's card above the text: its name on a short line right before
 * the follow button, and its picture (no caption) right before the name. */
#define ACCOUNT_NAME 16

static void head_account_card(head_drops *h, xmlNodePtr follow)
{
    xmlNodePtr name = element_before(follow);
    if (!name || !xml_is(name, "p"))
        return;
    xmlChar *raw = xmlNodeGetContent(name);
    nz_line t = nz_line_measure(raw ? (const char *)raw : "");
    xmlFree(raw);
    if (t.chars == 0 || t.chars > ACCOUNT_NAME || t.stops || t.marks || t.date)
        return;
    head_drop(h, name, "an account's name beside its follow button");
    /* a picture alone, not yet made a figure */
    xmlNodePtr pic = element_before(name);
    if (pic && (xml_is(pic, "p") || xml_is(pic, "figure")) && nz_sole_element(pic, "img"))
        head_drop(h, pic, "an account's picture beside its name");
}

/* A picture has no text to quote: its address says which it was. */
static void head_explain(nz *z, xmlNodePtr n, const char *what)
{
    xmlChar *raw = xmlNodeGetContent(n), *src = NULL;
    const char *text = raw ? (const char *)raw : "";
    if (!*text)
        for (xmlNodePtr c = n->children; c && !src; c = c->next)
            if (xml_is(c, "img"))
                src = xmlGetProp(c, BAD_CAST "src");
    fprintf(z->o->explain, "dropped %s above the text: %s\n", what, src ? (const char *)src : text);
    xmlFree(src);
    xmlFree(raw);
}

static const char byline_what[] = "a byline", name_what[] = "the author's name";

/* The writers a byline above the text names, or the name alone there, are
 * the article's author when the page named none. */
static void head_take_author(nz *z, xmlNodePtr n, const char *what)
{
    xmlChar *raw = xmlNodeGetContent(n);
    const char *text = raw ? (const char *)raw : "";
    nz_line t = nz_line_measure(text);
    if (what == byline_what) {
        nz_byline_line(text, &t, z->meta);
    } else if (!(z->meta->creator && *z->meta->creator)) {
        const char *name;
        size_t k = nz_name_line(text, &name);
        char copy[64];
        snprintf(copy, sizeof copy, "%.*s", (int)k, k ? name : "");
        article_meta_set(&z->meta->creator, copy);
    }
    xmlFree(raw);
}

/* A name alone under the title, before any other line, is the author's,
 * unless the page named someone else. */
static bool is_author_name(nz *z, const char *text, int lines_before)
{
    const char *name;
    size_t k = lines_before ? 0 : nz_name_line(text, &name);
    const char *c = z->meta->creator;
    return k && (!c || !*c || (strlen(c) == k && !memcmp(name, c, k)));
}

void nz_trim_head(nz *z)
{
    head_drops h = { .count = 0 };
    int lines = 0;
    bool standfirst = false, listed = false;
    for (xmlNodePtr n = z->root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xml_is(n, "h1") || xml_is(n, "figure"))
            continue;
        xmlChar *raw = xmlNodeGetContent(n);
        const char *text = raw ? (const char *)raw : "";
        nz_line t = nz_line_measure(text);
        if (nz_text_equal_title(z, text)) {
            xmlFree(raw);
            continue;   /* the title repeated, no line of the text */
        }
        if (!xml_is(n, "p")) {
            xmlFree(raw);
            /* a heading over the first line repeats the title or says
             * what the article is */
            if (t.chars && !(nz_heading_tag(n) && !lines))
                return;
            continue;   /* pictures alone, a gallery's list */
        }
        bool word = nz_widget_word(text, &t), onward = is_onward_link_line(n, text, &t);
        bool count = word && is_count(text), follow = is_follow_word(text) || nz_is_follow_prompt(text, &t);
        bool when = is_relative_time(text);
        /* under a label (发布人：, 主持人：, Panel:) come the people a text
         * lists, a roster, not its bylines */
        listed |= furniture_text_rule(text) == furniture_empty_label;
        bool byline = !listed && nz_byline_line(text, &t, NULL);
        bool name = !listed && is_author_name(z, text, lines);

        bool notice = !lines && nz_is_rights_notice(text, &t);
        bool dated = nz_is_dated_line(text, &t, z->meta->date);
        lines += t.chars > 0;
        xmlFree(raw);
        /* "Updated Sept. 12, 2018 7:41 p.m. ET": its abbreviations' dots
         * are no sentence's */
        if (dated && n->next) {
            head_drop(&h, n, "a line that says when");
            continue;
        }
        /* where the piece came from, said before its first line */
        if (notice && n->next) {
            head_drop(&h, n, "a reprint's note of where it came from");
            continue;
        }
        /* a standfirst kept from a box of its own over the text: the
         * byline under it is still the head's */
        if (t.stops > 0 && n == z->lead_box && n->next)
            continue;
        if (t.stops > 0)
            break;
        /* a standfirst, no sentence's stop at its end: a line that says
         * when may still follow it, nothing else goes */
        if (t.chars > NZ_LINE_SHORT || standfirst) {
            standfirst = true;
            continue;
        }
        if (!n->next)
            return;   /* no sentence came */
        /* a word right over a paragraph of prose is its label ("摘要"),
         * a count or a follow button never */
        if (follow) {
            head_drop(&h, n, "a follow button");
            head_account_card(&h, n);
        } else if (when) {
            head_drop(&h, n, "a time relative to the day it was read");
        } else if (onward) {
            head_drop(&h, n, "a link away");
        } else if (byline) {
            head_drop(&h, n, byline_what);
        } else if (name) {
            head_drop(&h, n, name_what);
        } else if (word && (!nz_prose_follows(n) || count)) {
            head_drop(&h, n, "a word");
        }
    }
    for (int i = 0; i < h.count; i++) {
        if (z->o->explain)
            head_explain(z, h.n[i], h.what[i]);
        if (h.what[i] == byline_what || h.what[i] == name_what)
            head_take_author(z, h.n[i], h.what[i]);
        nz_discard(z, h.n[i]);
    }
}

/* "（原标题：……）", "本文原标题：《……》", "原题为《……》": a reprint's note of the
 * title it first ran under. It is the page's record, not the text: set
 * as a line of its own among the first or the last lines. */
static bool is_original_title_line(const char *s)
{
    static const char *const opens[] = { "（", "(", "【", "[", " ", "本文", NULL };
    for (bool more = true; more;) {
        more = false;
        for (int i = 0; opens[i]; i++)
            if (!strncmp(s, opens[i], strlen(opens[i]))) {
                s += strlen(opens[i]);
                more = true;
            }
    }
    if (!strncmp(s, "原标题", strlen("原标题")))
        s += strlen("原标题");
    else if (!strncmp(s, "原题", strlen("原题")))
        s += strlen("原题");
    else
        return false;
    if (!strncmp(s, "为", strlen("为")))
        s += strlen("为");
    return !strncmp(s, "：", 3) || *s == ':' || !strncmp(s, "《", 3);
}

#define ORIGINAL_TITLE_LINES 3
#define ORIGINAL_TITLE_CHARS 100

static void nz_drop_original_title_at(nz *z, xmlNodePtr n)
{
    if (!xml_is(n, "p") && !nz_heading_tag(n))
        return;
    xmlChar *raw = xmlNodeGetContent(n);
    const char *text = raw ? (const char *)raw : "";
    if (nz_line_measure(text).chars <= ORIGINAL_TITLE_CHARS && is_original_title_line(text)) {
        if (z->o->explain)
            fprintf(z->o->explain, "dropped the original title's line: %.*s\n", utf8_clip(text, 60), text);
        nz_discard(z, n);
    }
    xmlFree(raw);
}

/* A line of text, not a widget's word: the title, pictures and 字号 or 关注
 * do not count among the first lines. */
static bool is_text_line(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE || nz_heading_tag(n) == 1)
        return false;
    xmlChar *raw = xmlNodeGetContent(n);
    const char *s = raw ? (const char *)raw : "";
    nz_line t = nz_line_measure(s);
    bool text = t.chars > 0 && !nz_widget_word(s, &t);
    xmlFree(raw);
    return text;
}

void nz_drop_original_title(nz *z)
{
    xmlNodePtr first[ORIGINAL_TITLE_LINES], last[ORIGINAL_TITLE_LINES];
    int nf = 0, nl = 0;
    /* lines of text: the title and pictures are none */
    for (xmlNodePtr n = z->root->children; n && nf < ORIGINAL_TITLE_LINES; n = n->next)
        if (is_text_line(n))
            first[nf++] = n;
    for (xmlNodePtr n = z->root->last; n && nl < ORIGINAL_TITLE_LINES; n = n->prev)
        if (is_text_line(n)) {
            bool seen = false;
            for (int i = 0; i < nf; i++)
                seen |= first[i] == n;
            if (!seen)
                last[nl++] = n;
        }
    for (int i = 0; i < nf; i++)
        nz_drop_original_title_at(z, first[i]);
    for (int i = 0; i < nl; i++)
        nz_drop_original_title_at(z, last[i]);
}

/* A kicker: a section label set right above the title ("LOCAL NEWS",
 * "要闻"): a word or two, no figures, no sentence. */
bool nz_kicker(const page_meta_nodes *s, xmlNodePtr n, const char *text, const extract_counts *c)
{
    if (!s || !s->title_node || c->chars == 0 || c->chars > 16 || c->punct)
        return false;
    bool above = false;
    xmlNodePtr t = s->title_node;
    for (int up = 0; t && up < 3 && !above; up++, t = t->parent) {
        xmlNodePtr prev = t->prev;
        while (prev && prev->type != XML_ELEMENT_NODE)
            prev = prev->prev;
        if (prev && prev != n)
            return false;
        above = prev == n;
    }
    if (!above)
        return false;
    int words = 1, han = 0;
    for (const char *p = text; *p; p++) {
        if (*p >= '0' && *p <= '9')
            return false;
        words += *p == ' ' && p[1] && p[1] != ' ';
        han += (unsigned char)*p >= 0xE0;
    }
    return han ? han <= 4 : words <= 3;
}
