/* Furniture lines inside the rebuilt article, found by shape and place.
 *
 * The tail: after the last sentence, pages end
 * their text with short lines that are not the article's: the editor's
 * name, a 来源 or 转自 line, 【纠错】 and [编辑] links, a pager.
 * They are judged the way jusText judges short blocks, by what they are
 * (short, no sentence in them, no date) and where they stand (after the
 * text, with nothing but more of their kind behind them), not by a list of
 * phrases. A 落款 (the issuing body over its date) ends the scan: what
 * stands above it is the document's. */
#include "clean/normalize/normalize.h"
#include "util/zh_fold.h"
#include "util/media_type.h"
#include "util/utf8.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool digits_then(const char *s, const char *after, int min, int max)
{
    int n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    return n >= min && n <= max && strncmp(s + n, after, strlen(after)) == 0;
}

static bool has_full_date(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
            continue;
        if (digits_then(p, "年", 4, 4)) {
            const char *m = p + 4 + strlen("年");
            if (digits_then(m, "月", 1, 2))
                return true;
        }
        if ((digits_then(p, "-", 4, 4) || digits_then(p, ".", 4, 4) || digits_then(p, "/", 4, 4)) &&
            p[5] >= '0' && p[5] <= '9')
            return true;
    }
    return false;
}

nz_line nz_line_measure(const char *s)
{
    nz_line t = { 0, 0, 0, false };
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int len;
        uint32_t c = utf8_decode(s + i, n - i, &len);
        i += (size_t)len;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000)
            continue;
        t.chars++;
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
            t.stops++;
        else if ((c == '.' || c == '!' || c == '?') && (i >= n || s[i] == ' '))
            t.stops++;
        else if (c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0xFF1A)
            t.marks++;
    }
    t.date = has_full_date(s);
    return t;
}

/* Link text that points away: "点击进入专题>>", "返回首页>>", "更多»". */
bool nz_leads_away(const char *s)
{
    static const char *const marks[] = { ">>", "》》", "»", "→", NULL };
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    for (int i = 0; marks[i]; i++) {
        size_t k = strlen(marks[i]);
        if (n > k && !memcmp(s + n - k, marks[i], k))
            return true;
    }
    return false;
}

static bool is_signature(xmlNodePtr n)
{
    xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
    bool yes = cls && xmlStrcmp(cls, (const xmlChar *)"signature") == 0;
    xmlFree(cls);
    return yes;
}

/* The colons of S that end a label: "：", or ":" not between two digits
 * ("8:09" is a time). */
static int label_colons(const char *s, int *wide)
{
    int n = 0;
    *wide = 0;
    for (const char *p = s; *p; p++) {
        if (!strncmp(p, "：", 3)) {
            n++;
            ++*wide;
        } else if (*p == ':' && !(p > s && isdigit((unsigned char)p[-1]) && isdigit((unsigned char)p[1]))) {
            n++;
        }
    }
    return n;
}

/* A line that names who or where: "来源：新华网", "（ 责任编辑：魏喆 ）" —
 * a short label, a colon, a short value, and nothing after it; or up to
 * four such pairs on one line ("本文来源：某报 作者：某某 责任编辑：某某"),
 * whose colons are no sentence's punctuation. */
static bool is_label_line(const char *s, const nz_line *t)
{
    const char *colon = strstr(s, "：");
    if (!colon)
        colon = strchr(s, ':');
    int wide = 0, colons = colon ? label_colons(s, &wide) : 0;
    /* nz_line_measure() counted the full-width colons among the marks; all but
     * one of them end a further label here */
    int marks = t->marks - (wide > 1 ? wide - 1 : 0);
    if (!colon || colons > 4 || marks > 2 || t->stops > 0 || t->chars > NZ_LINE_SHORT + 10 * (colons - 1))
        return false;
    int label = 0, words = 0;
    for (const char *p = s; p < colon;) {
        int len;
        uint32_t c = utf8_decode(p, (size_t)(colon - p), &len);
        p += len;
        label += c != ' ' && c != 0x3000 && c != 0xA0;
        words += cp_is_han(c) || (cp_is_latin(c) && !cp_is_ascii_digit(c));
    }
    /* "8:09" is a time, not a label */
    return words >= 1 && label <= 8;
}

/* The whole line in square brackets, as pages set their widgets:
 * 【纠错】, [编辑], [打印]. */
static bool is_bracketed(const char *s, const nz_line *t)
{
    return nz_in_square_brackets(s) && t->chars <= 20 && t->stops == 0;
}

/* A pager: numbers and brackets only, "[1] [2] [3]", "1 2 3 下一页" aside. */
static bool is_pager(const char *s, const nz_line *t)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (!strchr(" []|()<>", *p))
            return false;
    }
    return digits >= 2 && t->chars <= 40;
}

/* The mark a page sets under its last line: "- THE END -", "END": those
 * letters and only dashes, stars or brackets around them. */
static bool is_end_mark(const char *s)
{
    char letters[8];
    size_t k = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        bool letter = cp_is_latin(c) || cp_is_han(c) || cp_is_kana(c);
        if (!letter)
            continue;
        if (k + 1 >= sizeof letters || !cp_is_ascii_alnum(c) || cp_is_ascii_digit(c))
            return false;
        letters[k++] = (char)(c | 0x20);
    }
    letters[k] = '\0';
    return !strcmp(letters, "end") || !strcmp(letters, "theend");
}

/* Most of N's text is link text. */
static bool is_link_line(xmlNodePtr n, const nz_line *t)
{
    int in_links = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (xml_is(c, "a")) {
            xmlChar *raw = xmlNodeGetContent(c);
            in_links += raw ? nz_line_measure((const char *)raw).chars : 0;
            xmlFree(raw);
        }
    return t->chars > 0 && in_links * 10 >= t->chars * 6 && t->stops == 0;
}

/* A tag's link says a word or two ("health", "local-government"); a
 * source's names a title. */
#define TAG_LINK_CHARS 30

/* How many links N holds as its children, each of a tag's length; -1
 * when one is longer. */
static int links_in(xmlNodePtr n)
{
    int k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!xml_is(c, "a"))
            continue;
        xmlChar *raw = xmlNodeGetContent(c);
        const char *t = raw ? (const char *)raw : "";
        bool tag = nz_line_measure(t).chars <= TAG_LINK_CHARS && !strchr(t, ' ');
        xmlFree(raw);
        if (!tag)
            return -1;
        k++;
    }
    return k;
}

/* A line of this many links, most of its text, is a list of tags or
 * topics, not a sentence that cites them. */
#define TAG_LINKS 3

/* Whether a paragraph stands before N: a line that opens the article is
 * its own, whatever its label (a notice that is itself a 声明). */
static bool nz_follows_paragraph(xmlNodePtr n)
{
    for (xmlNodePtr p = n->prev; p; p = p->prev)
        if (p->type == XML_ELEMENT_NODE && xml_is(p, "p"))
            return true;
    return false;
}

/* Its code's picture goes with it (trim_tail_lines). */
static const char FOLLOW_PROMPT[] = "a prompt to follow the site's account";

/* Why the tail line N (text S) is not the article's, or NULL: only a line
 * of furniture's shapes, short, with no sentence in it, goes, or a line
 * whose label names it the site's. */
static const char LINK_LINE[] = "a short link line after the text";

static const char *tail_furniture(xmlNodePtr n, const char *s, const nz_line *t, const char *page_date)
{
    char fold[1024];
    s = zh_fold_small(s, fold, sizeof fold);   /* 責任編輯, 不得轉載 */
    if (nz_attachment_line(n, s))
        return NULL;
    if (nz_is_credit_line(s, t))
        return "a short labelled line after the text (editor, source, credit)";
    if (nz_is_wire_trailer(s, t))
        return "a wire's or a release service's line after the text (SOURCE, the byline again, where it first ran)";
    if (nz_is_disclaimer(s, t) && nz_follows_paragraph(n))
        return "the site's disclaimer after the text";
    if (nz_is_rights_notice(s, t) && nz_follows_paragraph(n))
        return "the site's notice of its rights after the text";
    if (t->date && nz_is_timestamp(s))
        return "a timestamp after the text";
    if (nz_byline_line(s, t, NULL))
        return "a byline after the text";
    if (nz_is_post_stamp(s, t))
        return "a post's stamp after the text: its time and how often it was read";
    if (nz_is_edit_stamp(s, t))
        return "a post's stamp after the text: when it was posted or edited, and where";
    if (nz_is_tag_line(s, t))
        return "a line of tags after the text";
    /* "Topics: health, rural, qld": a label and its links, however long */
    if (t->stops == 0 && links_in(n) >= TAG_LINKS && is_link_line(n, t))
        return "a line of tags after the text";
    /* after the text, a label of letters ("First posted"): a Chinese
     * notice's last line may set its own deadline, the only date the
     * page gives */
    int len;
    const char *label = nz_past_openers(s);
    if (nz_is_dated_line(s, t, page_date) && cp_is_latin(utf8_decode(label, strlen(label), &len)))
        return "a line that says when, after the text";
    if (nz_is_follow_prompt(s, t) && nz_follows_paragraph(n))
        return FOLLOW_PROMPT;
    if (t->chars == 0 || t->stops > 0 || t->chars > NZ_LINE_SHORT || t->date)
        return NULL;
    if (is_label_line(s, t))
        return "a short labelled line after the text (editor, source, credit)";
    if (is_signature(n))
        return NULL;
    if (nz_widget_word(s, t))
        return "a widget's word or count after the text";
    if (is_bracketed(s, t))
        return "a short bracketed line after the text (an edit or report link, a credit)";
    if (is_pager(s, t))
        return "a pager after the text";
    if (is_end_mark(s))
        return "the mark that ends the text";
    if (is_link_line(n, t))
        return LINK_LINE;
    return NULL;
}

/* Furniture at an article's end is a line or a few; a longer run of short
 * lines is the article's own (a poem, a list of names). Lines that are a
 * link each lead away however many they are, and are not counted. */
#define TAIL_LINES 4

/* Whether the address HREF leads to a picture: the picture's file, or a
 * viewer given it ("showimage?http://…/photo.jpg"). */
static bool names_picture(const char *href)
{
    for (const char *p = strchr(href, '.'); p; p = strchr(p + 1, '.')) {
        char ext[8];
        size_t k = 1;
        while (k < sizeof ext && isalnum((unsigned char)p[k]))
            k++;
        if (k == sizeof ext)
            continue;   /* longer than any picture's extension */
        memcpy(ext, p, k);
        ext[k] = '\0';
        if (media_type_image_by_name(ext))
            return true;
    }
    return false;
}

/* The file name at the end of a path: what a viewer's address repeats. */
static const char *base_name(const char *src)
{
    const char *slash = strrchr(src, '/');
    return slash ? slash + 1 : src;
}

/* After the text, a picture that is only a link to another page, with no
 * caption and no words of its own (an alt of a few characters at most), is
 * a button or a banner: "next page", "back to the topic", a site's logo.
 * A picture linked to itself or to a viewer of it is the article's. */
static bool is_button_picture(xmlNodePtr fig)
{
    /* no caption, no second picture, no words */
    xmlNodePtr a = nz_sole_element(fig, "a"), img = a ? nz_sole_element(a, "img") : NULL;
    if (!img)
        return false;
    xmlChar *href = xmlGetProp(a, (const xmlChar *)"href");
    xmlChar *src = xmlGetProp(img, (const xmlChar *)"src");
    xmlChar *alt = xmlGetProp(img, (const xmlChar *)"alt");
    bool button = href && src && *href && !names_picture((const char *)href) &&
                  !strstr((const char *)href, base_name((const char *)src)) &&
                  nz_line_measure(alt ? (const char *)alt : "").chars <= 8;
    xmlFree(href);
    xmlFree(src);
    xmlFree(alt);
    return button;
}

/* The last paragraph ends in a link pointing away after its last sentence
 * ("……仍将持续。<a>返回首页>></a>"): a widget set inline, cut off. */
static void cut_trailing_onward_link(nz *z)
{
    xmlNodePtr p = z->root->last;
    while (p && p->type != XML_ELEMENT_NODE)
        p = p->prev;
    if (!p || !xml_is(p, "p"))
        return;
    xmlNodePtr a = p->last;
    while (a && a->type == XML_TEXT_NODE && nz_line_measure((const char *)a->content).chars == 0)
        a = a->prev;
    if (!a || !xml_is(a, "a") || !a->prev)
        return;
    xmlChar *link = xmlNodeGetContent(a);
    nz_line lt = nz_line_measure(link ? (const char *)link : "");
    bool away = link && lt.chars <= 20 && lt.stops == 0 && nz_leads_away((const char *)link);
    xmlFree(link);
    if (!away)
        return;
    /* what stands before it ends a sentence */
    xmlUnlinkNode(a);
    xmlChar *rest = xmlNodeGetContent(p);
    size_t n = rest ? strlen((const char *)rest) : 0;
    while (n && (rest[n - 1] == ' ' || rest[n - 1] == '\n'))
        n--;
    uint32_t end = utf8_before((const char *)rest, n);
    xmlFree(rest);
    if (end != 0x3002 && end != 0xFF01 && end != 0xFF1F && end != 0x201D && end != '.') {
        xmlAddChild(p, a);
        return;
    }
    if (z->o->explain)
        fprintf(z->o->explain, "dropped the tail line: a link away after the last sentence\n");
    xmlAddChild(z->trash, a);
}

/* A picture with no caption and no words, not a link: a site's ornament
 * as often as the article's. The walk up the tail passes it by and leaves
 * it where it is. */
static bool is_bare_picture(xmlNodePtr fig)
{
    xmlNodePtr img = nz_sole_element(fig, "img");
    if (!img)
        return false;
    xmlChar *alt = xmlGetProp(img, (const xmlChar *)"alt");
    bool bare = nz_line_measure(alt ? (const char *)alt : "").chars == 0;
    xmlFree(alt);
    return bare;
}

/* The picture FIG shows a code to scan, by its name ("qrcode.png",
 * "ewm.jpg", "erweima", alt 二维码) or its shape (a square the page sized):
 * the article's own last photo above a prompt is none. */
static bool looks_like_code(xmlNodePtr fig)
{
    xmlNodePtr img = nz_sole_element(fig, "img");
    if (!img)
        return false;
    static const char *const names[] = { "qr", "ewm", "erweima", "code", "二维码", NULL };
    bool yes = false;
    for (int a = 0; a < 2 && !yes; a++) {
        xmlChar *v = xmlGetProp(img, (const xmlChar *)(a ? "alt" : "src"));
        for (int i = 0; v && names[i] && !yes; i++)
            yes = xmlStrcasestr(v, (const xmlChar *)names[i]) != NULL;
        xmlFree(v);
    }
    if (!yes) {
        xmlChar *w = xmlGetProp(img, (const xmlChar *)"width"), *h = xmlGetProp(img, (const xmlChar *)"height");
        yes = w && h && *w && !xmlStrcmp(w, h);
        xmlFree(w);
        xmlFree(h);
    }
    return yes;
}

static void trim_tail_lines(nz *z)
{
    xmlNodePtr n = z->root->last;
    for (int seen = 0; n && seen < TAIL_LINES; seen++) {
        xmlNodePtr prev = n->prev;
        if (n->type != XML_ELEMENT_NODE) {
            n = prev;
            continue;
        }
        if ((xml_is(n, "figure") || xml_is(n, "p")) && is_button_picture(n)) {
            if (z->o->explain)
                fprintf(z->o->explain, "dropped the tail picture: a linked button or banner after the text\n");
            nz_discard(z, n);
            n = prev;
            continue;
        }
        if ((xml_is(n, "figure") || xml_is(n, "p")) && is_bare_picture(n)) {
            seen--;   /* passed by, no line of text */
            n = prev;
            continue;
        }
        bool heading = nz_heading_tag(n) >= 2;
        if (!xml_is(n, "p") && !heading)
            break;
        xmlChar *raw = xmlNodeGetContent(n);
        const char *s = raw ? (const char *)raw : "";
        nz_line t = nz_line_measure(s);
        /* A heading with nothing under it heads a section the page left
         * out or filled by script: comments (评论（0）), related stories,
         * a credit set large. A date so set is the document's 落款. */
        const char *why = !heading ? tail_furniture(n, s, &t, z->meta->date)
                          : t.date ? NULL : "a heading with nothing under it";
        if (!why && !heading && nz_is_author_note(s, &t)) {
            xmlFree(raw);
            n = prev;
            continue;
        }
        if (!why) {
            xmlFree(raw);
            break;
        }
        page_meta_body_line(s, z->meta);   /* its 来源, its 作者 */
        nz_byline_line(s, &t, z->meta);
        /* when the page was posted, where it said so nowhere else */
        char day[11];
        if (!heading && t.date && !z->meta->date && (nz_is_timestamp(s) || nz_is_edit_stamp(s, &t)) &&
            page_meta_find_date(s, day, 0))
            article_meta_set(&z->meta->date, day);
        if (z->o->explain)
            fprintf(z->o->explain, "dropped the tail line: %s: %.*s\n", why, utf8_clip(s, 60), s);
        bool names_code = why == FOLLOW_PROMPT && strstr(s, "二维码");
        xmlFree(raw);
        /* the code is under the prompt, or above it when the prompt
         * says to scan one and none is under it */
        xmlNodePtr code = xmlNextElementSibling(n);
        if (names_code && !(code && is_bare_picture(code))) {
            code = xmlPreviousElementSibling(n);
            if (code && !looks_like_code(code))
                code = NULL;
        }
        if (why == FOLLOW_PROMPT && code && is_bare_picture(code)) {
            if (z->o->explain)
                fprintf(z->o->explain, "dropped the tail picture: the code to scan beside a prompt to follow\n");
            if (code == xmlPreviousElementSibling(n))
                prev = code->prev;
            nz_discard(z, code);
        }
        if (why == LINK_LINE)
            seen--;
        nz_discard(z, n);
        n = prev;
    }
}

void nz_trim_tail(nz *z)
{
    cut_trailing_onward_link(z);
    trim_tail_lines(z);
    /* a card pointing to another story stands above the credit lines, or
     * below them, and furniture above it again */
    if (nz_cut_teaser_card(z))
        trim_tail_lines(z);
}
