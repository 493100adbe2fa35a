/* The chrome a forum or a comment thread sets around each post, and the
 * links set among a text's lines that send the reader elsewhere: a post's
 * attribution line, a reply's subject, a bar of short links, a shouted
 * promotion, a feed of dated headlines. */
#include "clean/normalize/normalize.h"
#include "clean/meta/page_meta.h"
#include "util/month_name.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* A bar of short links and nothing else: "Article PubMed Google Scholar",
 * "[DOI] [PubMed]", "首页 | 新闻 | 政务": where a reference, a tag or a
 * section sends the reader, never a sentence of the text. */
#define LINK_BAR_LINKS 3
#define LINK_BAR_CELL_SHARE 4

static bool link_bar_comma(uint32_t u)
{
    return u == ',' || u == ';' || u == 0x3001 || u == 0xFF0C;
}

static bool link_bar_separator(uint32_t u)
{
    static const uint32_t marks[] = { ' ', '\t', '\r', '\n', '[', ']', '|', '/', ',', ';',
                                      0xA0, 0xB7, 0x2022, 0x3001, 0x3010, 0x3011, 0xFF5C };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (u == marks[i])
            return true;
    return false;
}

/* *APART: a separator stands since the last link, as one stands between
 * any two links of a bar (links set edge to edge are one name's parts). */
static bool link_bar_walk(xmlNodePtr n, int *links, bool *apart, bool inline_run)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const char *t = (const char *)c->content;
            size_t len = strlen(t);
            for (size_t i = 0; i < len;) {
                uint32_t u = utf8_next(t, len, &i);
                if (!link_bar_separator(u) || (inline_run && link_bar_comma(u)))
                    return false;
            }
            *apart = *apart || len;
        } else if (c->type == XML_ELEMENT_NODE && xml_is(c, "a")) {
            if (!nz_short_link(c) || (*links && !*apart))
                return false;
            ++*links;
            *apart = false;
        } else if (c->type == XML_ELEMENT_NODE && !link_bar_walk(c, links, apart, inline_run)) {
            return false;
        }
    }
    return true;
}

bool nz_link_bar(xmlNodePtr n, bool inline_run)
{
    int links = 0;
    bool apart = false;
    if (!link_bar_walk(n, &links, &apart, inline_run) || links < LINK_BAR_LINKS)
        return false;
    /* a table's cell of links is its data; a bar in a cell that holds a
     * whole text besides (an old page set in a layout table) is a bar */
    for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (xml_is(p, "td") || xml_is(p, "th")) {
            extract_counts bar, cell;
            extract_count(n, &bar);
            extract_count(p, &cell);
            return cell.chars > bar.chars * LINK_BAR_CELL_SHARE;
        }
    return true;
}

/* A breadcrumb set as a line: links from the site's home to the sections
 * above the page, each pointed on by an arrow ("Home > News > Local",
 * "首页 » 新闻中心 »"), the page's own name perhaps after the last, a
 * short label perhaps before the first (当前位置：). */
#define CRUMB_LABEL_CHARS 24
#define CRUMB_TAIL_CHARS 120

static bool crumb_arrow(uint32_t u)
{
    return u == '>' || u == 0xBB || u == 0x203A || u == 0x2192 || u == 0xFF1E || u == 0x3009;
}

typedef struct {
    int links, arrows;
    bool arrow;     /* an arrow since the last link */
    size_t tail;    /* bytes of the page's name after the last link */
    uint32_t last;  /* its last character: a stop ends a sentence */
    int home;       /* how the first link says home (crumb_home) */
} crumb_walk;

/* Words before the first link: a short label ending in a colon, or none. */
static bool crumb_label(const char *t)
{
    size_t end = strlen(t);
    while (end && strchr(" \t\r\n", t[end - 1]))
        end--;
    if (end >= 2 && !memcmp(t + end - 2, "\xc2\xa0", 2))
        end -= 2;
    return !end || (end <= CRUMB_LABEL_CHARS &&
                    (t[end - 1] == ':' || (end >= 3 && !memcmp(t + end - 3, "：", 3))));
}

/* A breadcrumb starts at the site's home: its address is the root
 * ("/", "index.html", "../../index.html", the host alone) or its word
 * says home. A menu's path in an instruction ("Settings > Privacy") or
 * a route (Istanbul → Ankara) starts elsewhere. */
/* 2: the link's words say home, or it shows only a picture (a house, the
 * logo); 1: only its address is the root; 0: neither. */
static int crumb_home(xmlNodePtr a)
{
    static const char *const words[] = { "home", "首页", "主页", "首頁", "startseite", "accueil", "inicio",
                                         "início", "главная", NULL };
    const char *href = xml_attr_ref(a, "href");
    bool root = false;
    if (href) {
        const char *p = strstr(href, "://");
        p = p ? strchr(p + 3, '/') : href;
        if (!p || !*p)
            p = "";   /* the host alone */
        while (!strncmp(p, "../", 3) || !strncmp(p, "./", 2))
            p += p[1] == '/' ? 2 : 3;
        if (*p == '/')
            p++;
        root = !*p || !strncmp(p, "index.", 6) || !strncmp(p, "default.", 8) || *p == '?' || *p == '#';
    }
    xmlChar *t = xmlNodeGetContent(a);
    const char *s = t ? (const char *)t : "";
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    bool home = !n && xml_find(a, "img");
    for (int i = 0; words[i] && !home; i++)
        home = strlen(words[i]) == n && !strncasecmp(s, words[i], n);
    xmlFree(t);
    return home ? 2 : root ? 1 : 0;
}

/* A paragraph of prose stands before N in its box: N is in the text's
 * course, where a line of linked places is a route, not the page's
 * breadcrumb (which opens the text, if it is in it at all). */
static bool prose_before(xmlNodePtr n)
{
    for (xmlNodePtr s = n->prev; s; s = s->prev) {
        if (s->type != XML_ELEMENT_NODE)
            continue;
        extract_counts c;
        extract_count(s, &c);
        if (c.chars - c.link_chars >= 40 && c.punct - c.link_punct >= 2)
            return true;
    }
    return false;
}

static bool crumb_text(crumb_walk *w, const char *t)
{
    if (!w->links)
        return crumb_label(t);
    size_t len = strlen(t);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t u = utf8_next(t, len, &i);
        if (w->tail) {
            w->tail += i - at;
            if (!cp_is_blank(u) && u != 0xA0)
                w->last = u;
        } else if (crumb_arrow(u)) {
            w->arrow = true;
            w->arrows++;
        } else if (!cp_is_blank(u) && u != 0xA0) {
            if (!w->arrow)
                return false;   /* words straight after a link: a sentence */
            w->tail = i - at;
            w->last = u;
        }
    }
    return w->tail <= CRUMB_TAIL_CHARS;
}

static bool crumb_walk_children(crumb_walk *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            if (!crumb_text(w, (const char *)c->content))
                return false;
        } else if (xml_is(c, "a")) {
            if (w->tail || (w->links && !w->arrow))
                return false;
            if (!w->links && !(w->home = crumb_home(c)))
                return false;
            w->links++;
            w->arrow = false;
        } else if (c->type == XML_ELEMENT_NODE && !crumb_walk_children(w, c)) {
            return false;
        }
    }
    return true;
}

bool nz_breadcrumb_line(xmlNodePtr n)
{
    crumb_walk w = { 0, 0, false, 0, 0, 0 };
    return crumb_walk_children(&w, n) && w.links >= 2 && w.arrows >= w.links - 1 && w.last != '.' &&
           w.last != 0x3002 && w.last != '!' && w.last != '?' && (w.home == 2 || !prose_before(n));
}

/* A post's attribution: who wrote it and when, in a line of its own
 * ("von Guppy_Gabi » Di 12. Mär 2024, 20:14", "pcie_pete January 17,
 * 2024, 3:20pm", "张三 2024-01-17 15:20"): a name's link or two, a date
 * or a time, and no sentence. A forum or a comment thread sets one over
 * every post. */
#define ATTRIBUTION_CHARS 100
#define ATTRIBUTION_OUTSIDE_CHARS 50

typedef struct {
    int links;
    bool name_links, time_el;
    bool headed, in_heading;
    buf_t outside;
    buf_t beside;   /* outside the links and the headings */
} attribution_walk;

static bool name_link_text(const char *t)
{
    size_t n = strlen(t), words = 0, han = 0, chars = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t c = utf8_next(t, n, &i);
        chars++;
        han += cp_is_han(c);
        words += c != ' ' && (at == 0 || t[at - 1] == ' ');
    }
    return chars && chars <= 32 && words <= 3 && han <= 4;
}

static void attribution_collect(xmlNodePtr n, attribution_walk *w)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            /* a template's indentation between the tags is no text */
            buf_put_collapsed(&w->outside, (const char *)c->content, strlen((const char *)c->content));
            if (!w->in_heading)
                buf_put_collapsed(&w->beside, (const char *)c->content, strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE && nz_heading_tag(c)) {
            bool was = w->in_heading;
            w->in_heading = w->headed = true;
            attribution_collect(c, w);
            w->in_heading = was;
        } else if (c->type == XML_ELEMENT_NODE && xml_is(c, "a")) {
            xmlChar *t = xmlNodeGetContent(c);
            w->links++;
            w->name_links &= t && name_link_text((const char *)t);
            xmlFree(t);
        } else if (c->type == XML_ELEMENT_NODE) {
            w->time_el |= xml_is(c, "time");
            attribution_collect(c, w);
        }
    }
}

static bool has_year_or_clock(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
            isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]) && (p == s || !isdigit((unsigned char)p[-1])) &&
            (!strncmp(p, "19", 2) || !strncmp(p, "20", 2)))
            return true;
        if (isdigit((unsigned char)p[0]) && p[1] == ':' && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]))
            return true;
    }
    return false;
}

/* A day or a time, not a year alone ("Edit 2024" beside a changelog's
 * heading): 2024-05-19, 2024年5月, 17:47. */
static bool has_full_date_or_clock(const char *s)
{
    for (const char *p = s; *p; p++)
        if (isdigit((unsigned char)p[0]) && p[1] == ':' && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]))
            return true;
    return extract_has_day(s);
}

/* Besides the date, the words outside the name's link are a byline's
 * few ("von", "by", "发布于") and a date's (a weekday, a month, "pm"):
 * at most four Latin words and four Chinese characters, no sentence. */
#define ATTRIBUTION_WORDS 4
#define ATTRIBUTION_HAN 4

static bool few_words_beside(const char *s)
{
    int words = 0, han = 0;
    size_t n = strlen(s);
    bool in_word = false;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t c = utf8_next(s, n, &i);
        bool letter = c < 0x80 ? isalpha((int)c) != 0 : (c >= 0xC0 && c < 0x250);
        if (letter && !in_word)
            words++;
        in_word = letter;
        if (cp_is_han(c) && c != 0x5E74 && c != 0x6708 && c != 0x65E5)   /* 年 月 日 are the date's */
            han++;
        if (c < 0x80 && strchr(".!?", (int)c) && at > 0 && isalpha((unsigned char)s[at - 1]) &&
            (s[at + 1] == ' ' || !s[at + 1]))
            return false;   /* a sentence ends here */
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
            return false;
    }
    return words <= ATTRIBUTION_WORDS && han <= ATTRIBUTION_HAN;
}

bool nz_attribution_line(xmlNodePtr n, const extract_counts *c)
{
    if (!c->link_chars || c->chars > ATTRIBUTION_CHARS || nz_heading_tag(n))
        return false;
    attribution_walk w = { 0, true, false, false, false, { 0 }, { 0 } };
    buf_init(&w.outside);
    buf_init(&w.beside);
    attribution_collect(n, &w);
    const char *out = w.outside.data ? w.outside.data : "";
    /* a heading's box with its edit link ("Restauratie van 2019–2021
     * [bewerken]") names a section, its year the heading's own; a post's
     * title over its date and theme is a post's attribution */
    bool dated = w.time_el || (w.headed ? has_full_date_or_clock(w.beside.data ? w.beside.data : "") : has_year_or_clock(out));
    bool yes = w.links >= 1 && w.links <= 2 && w.name_links &&
               utf8_length(out, strlen(out)) <= ATTRIBUTION_OUTSIDE_CHARS && dated && few_words_beside(out);
    buf_free(&w.outside);
    buf_free(&w.beside);
    return yes;
}

/* A heading that gives a reply's subject ("Re: …", "AW: …", "回复：…"),
 * as a forum sets one over each post: the thread's title again. */
bool nz_reply_subject(xmlNodePtr n, const char *text)
{
    static const char *const marks[] = { "Re:", "RE:", "Re：", "AW:", "Aw:", "回复：", "回复:", "回復：", NULL };
    if (!nz_heading_tag(n))
        return false;
    while (*text == ' ')
        text++;
    for (int i = 0; marks[i]; i++)
        if (!strncmp(text, marks[i], strlen(marks[i])))
            return true;
    return false;
}

/* A paragraph that is one link in capitals ("CLICK HERE TO GET THE APP",
 * "NAVY DESTROYER COLLIDES WITH MERCHANT SHIP"): a site's promotion or
 * another story's headline, shouted between the paragraphs. */
#define SHOUTED_WORDS 3

bool nz_shouted_link(xmlNodePtr n, const extract_counts *c, const char *text)
{
    if (!xml_is(n, "p") || !c->chars || c->link_chars != c->chars)
        return false;
    int words = 0, upper = 0;
    bool in_word = false;
    for (const char *p = text; *p; p++) {
        /* a typographic apostrophe joins a word as a straight one does */
        bool apostrophe = *p == '\'' || !strncmp(p, "\u2019", 3);
        bool letter = isalpha((unsigned char)*p);
        if (((unsigned char)*p >= 0x80 && !apostrophe) || islower((unsigned char)*p))
            return false;
        upper += letter;
        words += letter && !in_word;
        in_word = letter || apostrophe || *p == '-';
        if (apostrophe && *p != '\'')
            p += 2;
    }
    return words >= SHOUTED_WORDS && upper >= 10;
}

/* Text outside N's links that is only a date or a time: digits and the
 * marks that join them ("2024-07-10", "[07/10 08:30]", "7月10日"). */
static bool nz_only_date_outside_links(xmlNodePtr n, bool *digit)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "a") && !nz_only_date_outside_links(c, digit))
            return false;
        if (c->type != XML_TEXT_NODE || !c->content)
            continue;
        const char *t = (const char *)c->content;
        size_t len = strlen(t);
        for (size_t i = 0; i < len;) {
            uint32_t u = utf8_next(t, len, &i);
            if (u >= '0' && u <= '9')
                *digit = true;
            else if ((u > 0x7F || !strchr(" \t\r\n-/.:[]()", (int)u)) && u != 0xA0 && u != 0x5E74 && u != 0x6708 &&
                     u != 0x65E5 && u != 0xFF08 && u != 0xFF09 && u != 0x3010 && u != 0x3011)
                return false;
        }
    }
    return true;
}

/* N's text outside its links, into B of SIZE bytes, *LEN long; more
 * than B holds leaves *LEN at SIZE, the text cut. */
static void text_outside_links(xmlNodePtr n, char *b, size_t size, size_t *len)
{
    for (xmlNodePtr c = n->children; c && *len < size; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "a")) {
            text_outside_links(c, b, size, len);
        } else if (c->type == XML_TEXT_NODE && c->content) {
            size_t k = strlen((const char *)c->content);
            if (*len + k + 2 > size) {
                *len = size;
                return;
            }
            memcpy(b + *len, c->content, k);
            *len += k;
            b[(*len)++] = ' ';
            b[*len] = '\0';
        }
    }
}

/* W (N bytes) names a day of the week ("Monday", "Mon"). */
static bool weekday_word(const char *w, size_t n)
{
    static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday", NULL };
    for (int i = 0; days[i]; i++)
        if (n >= 3 && n <= strlen(days[i]) && !strncasecmp(w, days[i], n))
            return true;
    return false;
}

/* Text outside N's links that is a date said in words, with at most a
 * label before it ("Posted Monday, March 12, 2012", "Updated 12 Mar
 * 2024"): month and weekday names, numbers, and one capitalised word
 * first. Words of a sentence ("approved 3 May", "born 4 May") are the
 * item's own. */
#define DATE_PHRASE_BYTES 64

static bool date_phrase_outside_links(xmlNodePtr n)
{
    char b[DATE_PHRASE_BYTES * 2] = "", day[11];
    size_t len = 0;
    text_outside_links(n, b, sizeof b, &len);
    if (len == 0 || len > DATE_PHRASE_BYTES || !page_meta_find_date(b, day, 0))
        return false;
    int words = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && !isalpha((unsigned char)b[i]))
            if ((unsigned char)b[i++] >= 0x80)
                return false;
        if (i >= len)
            break;
        size_t start = i;
        while (i < len && isalpha((unsigned char)b[i]))
            i++;
        bool abbrev;
        if (month_name_number(b + start, i - start, &abbrev) || weekday_word(b + start, i - start))
            continue;
        if (words++ || !isupper((unsigned char)b[start]))
            return false;   /* a label is one word, and comes first */
    }
    return true;
}

/* A list of headlines, each item one link and its date: a feed of other
 * pages, however long the dates make it beside the links' words. */
bool nz_dated_headlines(xmlNodePtr n)
{
    if (!xml_is(n, "ul") && !xml_is(n, "ol"))
        return false;
    int items = 0;
    for (xmlNodePtr li = n->children; li; li = li->next) {
        if (li->type == XML_TEXT_NODE && xmlIsBlankNode(li))
            continue;
        bool digit = false;
        if (!xml_is(li, "li") || nz_count_links(li, 2) != 1 ||
            !((nz_only_date_outside_links(li, &digit) && digit) || date_phrase_outside_links(li)))
            return false;
        items++;
    }
    return items >= 2;
}
