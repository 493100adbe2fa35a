/* Controls a page sets inside its text: an icon with a word beside it
 * (播报, 编辑, Share), the edit link a wiki puts at the end of each
 * section heading ("简介[编辑]", "History [edit]"), a label and one link
 * pointing elsewhere, a card for another story after the text, and a
 * paywall's offer. They are the page's tools, not the article's words. */
#include "clean/normalize/normalize.h"
#include "clean/furniture.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#define WIDGET_WORD_CHARS 6
#define LEAVES_MAX 64

static bool has_text_element(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (xml_is(c, "text") || has_text_element(c)))
            return true;
    return false;
}

/* N's text is only glyphs of an icon font: characters of the Private Use
 * Area, and blanks. */
static bool font_icon(xmlNodePtr n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    const char *s = raw ? (const char *)raw : "";
    size_t len = strlen(s), i = 0;
    int icons = 0, others = 0;
    while (i < len) {
        uint32_t c = utf8_next(s, len, &i);
        if (cp_is_private_use(c))
            icons++;
        else if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != 0xA0)
            others++;
    }
    xmlFree(raw);
    return icons && !others;
}

bool nz_icon_button(xmlNodePtr n, const extract_counts *c)
{
    if (c->chars && font_icon(n))
        return true;
    if (c->chars == 0 || c->chars > 4 || c->punct)
        return false;
    /* A chart or a diagram labels its parts with <text>; an icon is shapes. */
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && xml_is(k, "svg") && !has_text_element(k))
            return true;
    return false;
}

/* The heading's text nodes and links, in order, links not entered. */
static void collect_leaves(xmlNodePtr n, xmlNodePtr *leaves, int *count)
{
    for (xmlNodePtr c = n->children; c && *count < LEAVES_MAX; c = c->next) {
        if (c->type == XML_TEXT_NODE || (c->type == XML_ELEMENT_NODE && xml_is(c, "a")))
            leaves[(*count)++] = c;
        else if (c->type == XML_ELEMENT_NODE)
            collect_leaves(c, leaves, count);
    }
}

/* S with blanks trimmed from both ends: its start and length. */
static const char *trimmed(const xmlChar *s, size_t *len)
{
    const char *p = s ? (const char *)s : "";
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '\r'))
        n--;
    *len = n;
    return p;
}

/* Drop one bracket from text node T: the last byte of its trimmed text
 * (AT_END) or the first. */
static void cut_bracket(xmlNodePtr t, bool at_end)
{
    size_t n;
    const char *p = trimmed(t->content, &n);
    char *s = xstrdup((const char *)t->content);
    size_t at = (size_t)(p - (const char *)t->content) + (at_end ? n - 1 : 0);
    memmove(s + at, s + at + 1, strlen(s + at + 1) + 1);
    xmlNodeSetContent(t, (const xmlChar *)s);
    free(s);
}

/* A link inside HEADING to the place the heading stands, shown as one
 * mark and no word ("¶", "#", "§", "🔗"): the permalink that docs and
 * wikis set after each heading. It goes before the heading is read, so
 * that the heading's words are the title's when they are. */
static bool is_permalink(xmlNodePtr a)
{
    const char *href = xml_attr_ref(a, "href");
    if (!href || *href != '#')
        return false;
    xmlChar *t = xmlNodeGetContent(a);
    size_t len = t ? strlen((const char *)t) : 0, i = 0;
    int chars = 0;
    bool word = false;
    while (i < len) {
        uint32_t c = utf8_next((const char *)t, len, &i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0xFE0F)
            continue;
        chars++;
        /* letters and digits of any script are words; ¶ and § are marks */
        word |= c < 0x80 ? isalnum((int)c) != 0 : cp_is_han(c) || (c < 0x2000 && c != 0xB6 && c != 0xA7);
    }
    xmlFree(t);
    return chars == 1 && !word;
}

void nz_strip_permalinks(nz *z, xmlNodePtr heading)
{
    xmlNodePtr leaves[LEAVES_MAX];
    int count = 0;
    collect_leaves(heading, leaves, &count);
    for (int i = 0; i < count; i++)
        if (leaves[i]->type == XML_ELEMENT_NODE && is_permalink(leaves[i])) {
            if (z->o->explain)
                fprintf(z->o->explain, "dropped a heading's link to itself, a mark alone (¶, #, §)\n");
            xmlUnlinkNode(leaves[i]);
            xmlFreeNode(leaves[i]);
        }
}

bool nz_strip_edit_link(xmlNodePtr heading)
{
    xmlNodePtr leaves[LEAVES_MAX];
    int count = 0, link = -1;
    collect_leaves(heading, leaves, &count);
    for (int i = 0; i < count; i++)
        if (leaves[i]->type == XML_ELEMENT_NODE)
            link = i;
    if (link < 1 || count == LEAVES_MAX)
        return false;
    xmlChar *word = xmlNodeGetContent(leaves[link]);
    size_t wn;
    const char *w = trimmed(word, &wn);
    size_t chars = utf8_length(w, wn);
    xmlFree(word);
    if (chars == 0 || chars > WIDGET_WORD_CHARS)
        return false;
    /* After the link: the closing bracket and nothing else. */
    xmlNodePtr close = NULL;
    for (int i = link + 1; i < count; i++) {
        size_t n;
        const char *p = trimmed(leaves[i]->content, &n);
        if (!n)
            continue;
        if (close || n != 1 || *p != ']')
            return false;
        close = leaves[i];
    }
    /* Before it: the opening bracket, and the heading's words before that. */
    xmlNodePtr open = NULL;
    bool words = false;
    for (int i = link - 1; i >= 0; i--) {
        if (leaves[i]->type != XML_TEXT_NODE)
            return false;
        size_t n;
        const char *p = trimmed(leaves[i]->content, &n);
        if (!n)
            continue;
        if (!open) {
            if (p[n - 1] != '[')
                return false;
            open = leaves[i];
            words = n > 1;
        } else {
            words = true;
        }
    }
    if (!close || !open || !words)
        return false;
    cut_bracket(close, false);
    cut_bracket(open, true);
    xmlUnlinkNode(leaves[link]);
    xmlFreeNode(leaves[link]);
    return true;
}

/* The label before the one link of a pointer line: Latin words, at most
 * POINTER_WORDS of them, ending in a colon or a bar ("Read more:", "See
 * also:", "Main article:", "Lire aussi :", "Also Read |"). Chinese labels over a link (附件：,
 * 来源：, 相关阅读：) are judged by their own rules. */
#define POINTER_WORDS 3

static bool pointer_label(const char *s, int most_words)
{
    size_t n = strlen(s);
    for (bool more = true; more;) {
        more = false;
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
            n--;
        /* an opening quote around the link: "Read more: \u201c" */
        if (n >= 3 && !memcmp(s + n - 3, "\xe2\x80\x9c", 3)) {
            n -= 3;
            more = true;
        } else if (n && (s[n - 1] == '"' || s[n - 1] == '\'')) {
            n--;
            more = true;
        }
    }
    /* a full-width colon after Latin words ("Download APP：") */
    if (n >= 3 && !memcmp(s + n - 3, "：", 3))
        n -= 2;
    else if (!n || (s[n - 1] != ':' && s[n - 1] != '|'))
        return false;
    int words = 0;
    bool in_word = false;
    while (n > 1 && s[n - 2] == ' ')
        n--;   /* "Also Read |" */
    for (size_t i = 0; i + 1 < n;) {
        uint32_t c = utf8_next(s, n - 1, &i);
        if (cp_is_latin(c) || c == '\'') {
            words += !in_word;
            in_word = true;
        } else if (c == ' ' || c == '\n' || c == '\t' || c == 0xA0) {
            in_word = false;
        } else {
            return false;
        }
    }
    return words >= 1 && words <= most_words;
}

/* Text that only closes a quotation around a link: blanks and quotes. A
 * stop after it ends a sentence that quotes a link. */
static bool only_closing_quotes(const xmlChar *s)
{
    size_t len;
    const char *p = trimmed(s, &len);
    for (size_t i = 0; i < len;) {
        uint32_t c = utf8_next(p, len, &i);
        if (c != '"' && c != '\'' && c != 0x201D && c != 0x2019 && c != 0xBB && c != 0xA0 && c != ' ')
            return false;
    }
    return true;
}

/* The text of N's children before its one link, or false when N holds
 * anything but that text (or emphasis around it), the link and the quote
 * that closes round it. A line set wholly in emphasis is read inside it. */
static bool label_then_link(xmlNodePtr n, buf_t *label, xmlNodePtr *link)
{
    static const char *const wrappers[] = { "em", "i", "strong", "b" };
    for (size_t k = 0; k < sizeof wrappers / sizeof *wrappers; k++) {
        xmlNodePtr only = nz_sole_element(n, wrappers[k]);
        if (only && xml_find(only, "a"))
            return label_then_link(only, label, link);
    }
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (*link) {
                if (!only_closing_quotes(c->content))
                    return false;   /* words after the link */
            } else {
                buf_puts(label, (const char *)c->content);
            }
        } else if (xml_is(c, "br") && !*link) {
            continue;   /* "Read more:" over its link */
        } else if (xml_is(c, "a")) {
            if (*link)
                return false;
            *link = c;
        } else if (!*link && (xml_is(c, "strong") || xml_is(c, "b") || xml_is(c, "em"))) {
            xmlChar *t = xmlNodeGetContent(c);
            buf_puts(label, t ? (const char *)t : "");
            xmlFree(t);
        } else if (c->type == XML_ELEMENT_NODE) {
            return false;
        }
    }
    return *link != NULL;
}

/* A link's words end in a full stop ("The council has since reversed
 * its decision."): an update said in a link, no headline pointed to (a
 * headline may ask or exclaim, but does not stop). */
static bool link_ends_sentence(xmlNodePtr a)
{
    xmlChar *t = xmlNodeGetContent(a);
    size_t len;
    const char *p = trimmed(t, &len);
    /* "..." and "…" cut a long headline short */
    bool stop = (len >= 1 && p[len - 1] == '.' && !(len >= 3 && !strncmp(p + len - 3, "...", 3))) ||
                (len >= 3 && !strncmp(p + len - 3, "。", 3));
    xmlFree(t);
    return stop;
}

bool nz_pointer_line(xmlNodePtr n)
{
    buf_t label;
    buf_init(&label);
    xmlNodePtr link = NULL;
    bool yes = label_then_link(n, &label, &link) && label.len && pointer_label(label.data, POINTER_WORDS) &&
               !link_ends_sentence(link);
    buf_free(&label);
    return yes;
}

/* A label over a bar of short links set apart by bars or dots ("Follow
 * us: Facebook | Instagram", "Download our app: iPhone | Android"), or a
 * pointer's label over headlines a line each ("Read more:"): places to
 * go, however the label reads. Commas would make it a sentence's list. */
#define LINK_BAR_LABEL_WORDS 8
#define LINK_BAR_ITEM_CHARS 24   /* a bar's item, a few words */

static bool bar_separator(uint32_t c)
{
    return c == '|' || c == ' ' || c == '/' || c == 0xA0 || c == 0xB7 || c == 0x2022 || c == 0xBB ||
           c == 0xFF5C || c == '\n' || c == '\t' || c == '\r';
}

bool nz_short_link(xmlNodePtr a)
{
    xmlChar *t = xmlNodeGetContent(a);
    size_t len;
    const char *p = trimmed(t, &len);
    int words = 0;
    for (size_t i = 0; i < len; i++)
        words += p[i] != ' ' && (i == 0 || p[i - 1] == ' ');
    xmlFree(t);
    return len && len <= LINK_BAR_ITEM_CHARS && words <= 3;
}

/* The host a link leads to, into HOST (empty for a path on the site):
 * false when it differs from the one already there. A site's pointers
 * lead to its own stories; a roundup's items to many sites. */
static bool same_host(xmlNodePtr a, char *host, size_t size, bool *seen)
{
    const char *href = xml_attr_ref(a, "href");
    const char *h = href ? strstr(href, "//") : NULL;
    char mine[128] = "";
    if (h && (h == href || (h > href && h[-1] == ':'))) {
        h += 2;
        size_t n = strcspn(h, "/?#");
        snprintf(mine, sizeof mine, "%.*s", (int)(n < sizeof mine - 1 ? n : sizeof mine - 1), h);
    }
    if (!*seen) {
        snprintf(host, size, "%s", mine);
        *seen = true;
        return true;
    }
    return !strcmp(host, mine);
}

static bool labelled_link_bar(xmlNodePtr n, bool lone);

/* Labelled lists of headlines one after another are a roundup's text,
 * not a pointer set into it. */
static bool beside_another_list(xmlNodePtr n)
{
    xmlNodePtr prev = n->prev, next = n->next;
    while (prev && prev->type != XML_ELEMENT_NODE)
        prev = prev->prev;
    while (next && next->type != XML_ELEMENT_NODE)
        next = next->next;
    return (prev && labelled_link_bar(prev, false)) || (next && labelled_link_bar(next, false));
}

/* N's words name files' types ("Council minutes (PDF, 2 MB)"): the
 * links are documents, however their addresses read. */
static bool names_file_types(xmlNodePtr n)
{
    static const char *const types[] = { "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx",
                                         "rtf", "csv", "zip", NULL };
    xmlChar *t = xmlNodeGetContent(n);
    const char *s = t ? (const char *)t : "";
    bool yes = false;
    for (const char *p = s; *p && !yes; p++) {
        if (p > s && isalnum((unsigned char)p[-1]))
            continue;
        for (int i = 0; types[i] && !yes; i++) {
            size_t k = strlen(types[i]);
            yes = !strncasecmp(p, types[i], k) && !isalnum((unsigned char)p[k]);
        }
    }
    xmlFree(t);
    return yes;
}

bool nz_labelled_link_bar(xmlNodePtr n)
{
    return labelled_link_bar(n, true) && !names_file_types(n);
}

/* LONE: a list of headlines must stand alone among the text's lines;
 * else only such a list is asked after. */
static bool labelled_link_bar(xmlNodePtr n, bool lone)
{
    buf_t label;
    buf_init(&label);
    int links = 0;
    int long_links = 0, breaks = 0, off_site = 0;
    char host[128] = "";
    bool seen_host = false;
    bool apart = true, ok = true, headlines = false;
    for (xmlNodePtr c = n->children; c && ok; c = c->next) {
        if (c->type == XML_TEXT_NODE && !links) {
            buf_puts(&label, (const char *)c->content);
        } else if (c->type == XML_TEXT_NODE) {
            size_t len = strlen((const char *)c->content);
            for (size_t i = 0; i < len && ok;) {
                uint32_t u = utf8_next((const char *)c->content, len, &i);
                ok = bar_separator(u);
                apart |= u != ' ' && u != 0xA0 && u != '\n';
            }
        } else if (xml_is(c, "a")) {
            /* after a pointer's label the links are headlines; so are
             * links a line each after any label. A file is the text's
             * (the documents a consultation puts out), and headlines on
             * several sites a roundup's items, not the site's pointers. */
            if (!links)
                headlines = label.len && pointer_label(label.data, POINTER_WORDS);
            ok = apart && !furniture_link_is_document(c);
            long_links += !nz_short_link(c);
            if (!nz_short_link(c))
                off_site += !same_host(c, host, sizeof host, &seen_host);
            links++;
            apart = false;
        } else if (xml_is(c, "br") && links) {
            apart = true;
            breaks++;
        } else if (!links && (xml_is(c, "strong") || xml_is(c, "b") || xml_is(c, "em"))) {
            xmlChar *t = xmlNodeGetContent(c);
            buf_puts(&label, t ? (const char *)t : "");
            xmlFree(t);
        } else if (c->type == XML_ELEMENT_NODE && !xml_is(c, "br")) {
            ok = false;
        }
    }
    ok = ok && links >= 2 && label.len && pointer_label(label.data, LINK_BAR_LABEL_WORDS) &&
         label.data[label.len - 1] != '|' && (!long_links || headlines || breaks >= links - 1) && !off_site &&
         (!long_links || !lone || !beside_another_list(n)) && (lone || long_links);
    buf_free(&label);
    return ok;
}

/* A card after the text that points to another story: a label, the
 * story's headline as one link, perhaps its teaser. The label is a few
 * words at most, the teaser a paragraph at most. */
#define CARD_LABEL 12
#define CARD_TEASER 200

/* The element before N, or NULL. */
static xmlNodePtr element_before(xmlNodePtr n)
{
    for (n = n ? n->prev : NULL; n && n->type != XML_ELEMENT_NODE; n = n->prev)
        ;
    return n;
}

/* P is a line that is one link to another page and nothing else: a
 * headline (a document the page attaches is no story). */
static bool headline_link(xmlNodePtr p)
{
    xmlNodePtr a = xml_is(p, "p") ? nz_sole_element(p, "a") : NULL;
    if (!a)
        return false;
    xmlChar *href = xmlGetProp(a, (const xmlChar *)"href");
    xmlChar *text = xmlNodeGetContent(a);
    nz_line t = nz_line_measure(text ? (const char *)text : "");
    bool yes = href && *href && *href != '#' && !furniture_link_is_document(a) &&
               t.chars >= 4 && t.chars <= NZ_LINE_SHORT && t.stops == 0;
    xmlFree(href);
    xmlFree(text);
    return yes;
}

/* P is a line of a few words with no sentence, no date and no link: a
 * box's label ("延伸 · 推荐", "相关阅读", "Related"). */
static bool card_label(xmlNodePtr p)
{
    if (!xml_is(p, "p") && nz_heading_tag(p) < 2)
        return false;
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (xml_is(c, "a") || xml_is(c, "img"))
            return false;
    xmlChar *text = xmlNodeGetContent(p);
    nz_line t = nz_line_measure(text ? (const char *)text : "");
    xmlFree(text);
    return t.chars > 0 && t.chars <= CARD_LABEL && t.stops == 0 && t.marks == 0 && !t.date;
}

/* P is the teaser under a headline: a paragraph without links, short. */
static bool card_teaser(xmlNodePtr p)
{
    if (!xml_is(p, "p"))
        return false;
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "br"))
            return false;
    xmlChar *text = xmlNodeGetContent(p);
    nz_line t = nz_line_measure(text ? (const char *)text : "");
    xmlFree(text);
    return t.chars > 0 && t.chars <= CARD_TEASER;
}

bool nz_cut_teaser_card(nz *z)
{
    xmlNodePtr last = z->root->last;
    if (last && last->type != XML_ELEMENT_NODE)
        last = element_before(last);
    if (!last)
        return false;
    xmlNodePtr headline = headline_link(last) ? last : NULL, teaser = NULL;
    if (!headline && card_teaser(last) && headline_link(element_before(last))) {
        teaser = last;
        headline = element_before(last);
    }
    xmlNodePtr label = headline ? element_before(headline) : NULL;
    if (!label || !card_label(label) || !element_before(label))
        return false;
    if (z->o->explain)
        fprintf(z->o->explain, "dropped the tail card: a label, a headline linking away%s\n",
                teaser ? " and its teaser" : "");
    nz_discard(z, label);
    nz_discard(z, headline);
    if (teaser)
        nz_discard(z, teaser);
    return true;
}

/* The numbers a code viewer sets beside the lines (a list of 1, 2, 3 …,
 * or a column of them in a <pre> or a cell of its own): counting, not
 * text. TEXT is N's, or NULL. */
static bool counts_up(const char *s, int least)
{
    long want = -1;
    int seen = 0;
    while (*s) {
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
            s++;
        if (!*s)
            break;
        char *end;
        long v = strtol(s, &end, 10);
        if (end == s || (want < 0 && v != 0 && v != 1) || (want >= 0 && v != want))
            return false;
        want = v + 1;
        seen++;
        s = end;
    }
    return seen >= least;
}

/* An element next to N (before or after it) that is code or holds it: the
 * numbers count that code's lines. A column of numbers alone is a
 * program's output, which stays. */
static bool beside_code(xmlNodePtr n)
{
    /* alone in its cell, the cell stands beside the code's */
    bool alone = true;
    for (xmlNodePtr c = n->parent ? n->parent->children : n; c && alone; c = c->next)
        alone = c == n || c->type != XML_ELEMENT_NODE;
    if (alone && n->parent && n->parent->type == XML_ELEMENT_NODE && xml_is(n->parent, "td"))
        n = n->parent;
    xmlNodePtr sides[2] = { n->prev, n->next };
    for (int i = 0; i < 2; i++) {
        xmlNodePtr s = sides[i];
        while (s && s->type != XML_ELEMENT_NODE)
            s = i ? s->next : s->prev;
        if (!s)
            continue;
        if (xml_is(s, "pre") || xml_is(s, "code"))
            return true;
        for (xmlNodePtr c = s->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && (xml_is(c, "pre") || xml_is(c, "code")))
                return true;
    }
    return false;
}

bool nz_line_numbers(xmlNodePtr n)
{
    if (!xml_is(n, "ul") && !xml_is(n, "ol") && !xml_is(n, "pre") && !xml_is(n, "td") && !xml_is(n, "div"))
        return false;
    if (!beside_code(n))
        return false;
    buf_t t;
    buf_init(&t);
    bool list = xml_is(n, "ul") || xml_is(n, "ol");
    bool only_items = true;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && list && !xml_is(c, "li"))
            only_items = false;
        if (c->type == XML_ELEMENT_NODE && !list && !xml_is(c, "br") && !xml_is(c, "span") && !xml_is(c, "div"))
            only_items = false;
        xmlChar *s = xmlNodeGetContent(c);
        buf_puts(&t, s ? (const char *)s : "");
        buf_putc(&t, '\n');
        xmlFree(s);
        if (t.len > 4096)
            only_items = false;
        if (!only_items)
            break;
    }
    /* a cell or a box of 1 2 3 at least; a list of 1 2 */
    bool numbers = only_items && t.data && counts_up(t.data, list ? 2 : 3);
    buf_free(&t);
    return numbers;
}

/* "[edit]", "[编辑]", "【返回顶部】" alone on a line: a control the page
 * set apart, linking somewhere, with no words of the text around it. */
#define BRACKETED_CHARS 12

/* A line in round brackets is the text's own note (（完）, （本文有删减）):
 * only square ones set a widget apart. */
bool nz_in_square_brackets(const char *s)
{
    static const char *const pairs[][2] = { { "【", "】" }, { "[", "]" }, { "［", "］" } };
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t a = strlen(pairs[i][0]), b = strlen(pairs[i][1]);
        if (n > a + b && !strncmp(s, pairs[i][0], a) && !strncmp(s + n - b, pairs[i][1], b))
            return true;
    }
    return false;
}

bool nz_bracketed_link(const char *text, const extract_counts *c)
{
    return c->link_chars && c->chars <= BRACKETED_CHARS && c->chars - c->link_chars <= 2 &&
           nz_in_square_brackets(text);
}

/* A box named for the paywall that offers a subscription: a button or a
 * link to take it, and no more than a pitch's sentences. Sites name the
 * text's own paragraphs so too (<p class="paywall">), which hold the
 * text's sentences and no button. */
#define PAYWALL_PITCH_PUNCT 10

bool nz_paywall_offer(xmlNodePtr n, const extract_counts *c)
{
    if (xml_is(n, "p") || c->punct >= PAYWALL_PITCH_PUNCT || (!c->link_chars && !xml_find(n, "button")))
        return false;
    char names[256];
    const char *cls = xml_attr_ref(n, "class"), *id = xml_attr_ref(n, "id");
    snprintf(names, sizeof names, "%s %s", cls ? cls : "", id ? id : "");
    for (char *p = names; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return strstr(names, "paywall") != NULL;
}
