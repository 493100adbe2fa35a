#include "pdf/pdf_text.h"
#include "pdf/pdf_chars.h"
#include "util/alloc.h"
#include "util/xml_node.h"
#include "article/article_subset.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

void pdf_text_init(pdf_text *t, const pdf_fonts *fonts, int role, double pt, bool bold)
{
    memset(t, 0, sizeof *t);
    buf_init(&t->text);
    buf_puts(&t->text, "");
    t->attrs = pango_attr_list_new();
    t->fonts = fonts;
    t->role = role;
    t->pt = pt;
    t->bold = bold;
    t->cjk_latin_space = true;
}

void pdf_text_free(pdf_text *t)
{
    for (size_t i = 0; i < t->nlinks; i++)
        free(t->links[i].uri);
    free(t->links);
    t->links = NULL;
    t->nlinks = t->caplinks = 0;
    free(t->decos);
    t->decos = NULL;
    t->ndecos = t->capdecos = 0;
    buf_free(&t->text);
    if (t->attrs)
        pango_attr_list_unref(t->attrs);
    t->attrs = NULL;
}

bool pdf_text_blank(const pdf_text *t)
{
    for (size_t i = 0; i < t->text.len; i++)
        if (!strchr(" \t\n", t->text.data[i]))
            return false;
    return true;
}

static uint32_t last_char(const pdf_text *t)
{
    return utf8_before(t->text.data, t->text.len);
}

/* Pango 1.50 follows UAX #14 LB19 and never breaks beside “ ” (fixed in
 * 1.55), which leaves Chinese lines very loose. A zero-width space before an
 * opening quote that follows CJK, and after a closing quote that CJK follows,
 * gives back the break clreq allows; it draws nothing and copies as nothing
 * that matters. */
static bool needs_break_before(uint32_t prev, uint32_t c)
{
    return (c == 0x201C || c == 0x2018) && prev && (pdf_is_cjk(prev) || pdf_is_closing(prev)) &&
           !pdf_is_opening(prev);
}

static bool needs_break_after_quote(uint32_t prev, uint32_t c)
{
    return (prev == 0x201D || prev == 0x2019) && pdf_is_han(c);
}

static bool is_han_latin_boundary(uint32_t a, uint32_t b)
{
    return (pdf_is_han(a) && cp_is_latin(b)) || (cp_is_latin(a) && pdf_is_han(b));
}

/* A web address has no break opportunity of its own (UAX #14 keeps
 * "a/b" and "a.b" together), so a long one leaves its line half empty.
 * As printers break one, it may break after a slash, a dot, a question
 * mark, an ampersand, an equals sign, a hyphen or an underscore that a
 * letter or digit follows: a zero-width space there, which draws and
 * copies as nothing. */
static bool url_breaks_after(const pdf_text *t, uint32_t prev, uint32_t c)
{
    return t->word_url && prev && prev < 0x80 && strchr("/.?&=-_", (int)prev) && c < 0x80 && isalnum((int)c);
}

/* After C is written: the ASCII word it belongs to (back to a space or any
 * other script, a break put in it counted in) is an address once it holds
 * "://" or opens with "www.". Kept as the text grows, so that no break
 * looks back over the word: a page-long word would make that quadratic. */
static void url_note(pdf_text *t, uint32_t c)
{
    const unsigned char *d = (const unsigned char *)t->text.data;
    size_t len = t->text.len;
    if (c >= 0x80 || isspace((int)c) || !len) {
        t->word_url = false;
        return;
    }
    size_t at = len - 1, before = at;
    if (before >= 3 && d[before - 3] == 0xE2 && d[before - 2] == 0x80 && d[before - 1] == 0x8B)
        before -= 3;   /* a zero-width space: the word goes on past it */
    if (before == 0 || d[before - 1] >= 0x80 || isspace(d[before - 1]) || t->word_at > at) {
        t->word_at = at;
        t->word_url = false;
    }
    if (!t->word_url)
        t->word_url = (len - t->word_at == 4 && !memcmp(d + t->word_at, "www.", 4)) ||
                      (len - t->word_at >= 3 && !memcmp(d + len - 3, "://", 3));
}

/* A run of letters with nowhere to break (a checksum, a blob of base64)
 * longer than this may break every so many characters: pango breaks a
 * word wider than its line letter by letter, measuring all that is left
 * of the word at each line, and a word pages long would take minutes. */
#define PDF_LONGEST_RUN 200

void pdf_text_add(pdf_text *t, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int len;
        uint32_t c = utf8_decode(s + i, n - i, &len);
        i += (size_t)len;
        /* White space is held back until the next character says whether
         * it stays: taking it out later would shift the text under spans
         * that begin after it (a bold run would start inside a character). */
        if (!t->keep_spaces && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            uint32_t prev = last_char(t);
            if (prev && prev != ' ' && prev != 0x2028)
                t->space_pending = true;
            continue;
        }
        uint32_t prev = last_char(t);
        if (t->space_pending) {
            t->space_pending = false;
            /* A space collapsed between two Chinese characters is a line
             * break of the source, not a word space. */
            if (t->cjk_spaces || !(pdf_is_cjk(prev) && pdf_is_cjk(c))) {
                buf_putc(&t->text, ' ');
                prev = ' ';
            }
        }
        if (needs_break_before(prev, c) || needs_break_after_quote(prev, c) ||
            (t->cjk_latin_space && is_han_latin_boundary(prev, c)) || url_breaks_after(t, prev, c) ||
            t->unbroken >= PDF_LONGEST_RUN) {
            utf8_encode(&t->text, PDF_ZWSP);
            t->unbroken = 0;
        }
        utf8_encode(&t->text, c);
        t->unbroken = prev == ' ' || c == ' ' || c == '\n' || c == 0x2028 || pdf_is_cjk(c) ? 0 : t->unbroken + 1;
        url_note(t, c);
    }
}

static void span_deco(pdf_text *t, pdf_deco_kind kind, size_t start)
{
    ALLOC_GROW(t->decos, t->ndecos + 1, t->capdecos);
    t->decos[t->ndecos++] = (pdf_deco){ (unsigned)start, (unsigned)t->text.len, kind };
}

static void span_attr(pdf_text *t, PangoAttribute *a, size_t start)
{
    a->start_index = (guint)start;
    a->end_index = (guint)t->text.len;
    pango_attr_list_insert(t->attrs, a);
}

/* Emphasis from START on. Han faces have no italic, and clreq sets Chinese
 * emphasis in Kai; but Kai's own Latin letters are a typewriter's, so words
 * in a Western script keep the body face and lean instead. Spaces and
 * marks go with the run they stand in. */
static void span_emphasis(pdf_text *t, size_t start)
{
    size_t run = start, end = t->text.len;
    int kind = -1;   /* of the run: 1 Han, 0 Western, -1 not yet known */
    for (size_t i = start; i <= end;) {
        int len = 1, next = -1;
        if (i < end) {
            uint32_t c = utf8_decode(t->text.data + i, end - i, &len);
            next = pdf_is_cjk(c) ? 1 : (c < 0x80 ? isalnum((int)c) : c >= 0xC0 && c < 0x2000) ? 0 : kind;
        }
        if (i == end || (next != kind && kind != -1)) {
            PangoAttribute *a = kind == 0 ? pango_attr_style_new(PANGO_STYLE_ITALIC)
                                          : pango_attr_family_new(t->fonts->family[PDF_ROLE_KAI]);
            a->start_index = (guint)run;
            a->end_index = (guint)i;
            pango_attr_list_insert(t->attrs, a);
            run = i;
        }
        kind = next;
        i += (size_t)len;
    }
}

/* The text from START on is the content of A: a link when its href can be
 * one (a nested link inside it was recorded first and keeps its part). */
static void add_link(pdf_text *t, xmlNodePtr a, size_t start)
{
    xmlChar *href = xmlGetProp(a, (const xmlChar *)"href");
    buf_t uri;
    buf_init(&uri);
    if (href && pdf_link_uri((const char *)href, &uri)) {
        ALLOC_GROW(t->links, t->nlinks + 1, t->caplinks);
        t->links[t->nlinks++] = (pdf_link){ (unsigned)start, (unsigned)t->text.len, buf_detach(&uri) };
    }
    buf_free(&uri);
    xmlFree(href);
}

void pdf_text_nodes(pdf_text *t, xmlNodePtr first, xmlNodePtr stop)
{
    for (xmlNodePtr n = first; n && n != stop; n = n->next)
        pdf_text_node(t, n);
}

void pdf_text_inline(pdf_text *t, xmlNodePtr node)
{
    pdf_text_nodes(t, node->children, NULL);
}

/* Whether the text after N opens with a mark no line may start with: a
 * <br/> before it is the page's accident ("…否认<br/>)作为…"), not a line. */
static bool next_opens_closing(xmlNodePtr n)
{
    for (n = n->next; n; n = n->children ? n->children : n->next) {
        if (n->type != XML_TEXT_NODE) {
            if (n->type == XML_ELEMENT_NODE && !n->children)
                return false;
            continue;
        }
        const char *s = (const char *)n->content;
        size_t len = strlen(s), i = 0;
        while (i < len) {
            uint32_t c = utf8_next(s, len, &i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            return pdf_is_closing(c) || (c < 0x80 && strchr(")]},.;:?!%", (int)c)) ||
                   c == 0xFF1A || c == 0xFF1B || c == 0xFF1F || c == 0xFF01 || c == 0xFF05;
        }
    }
    return false;
}

void pdf_text_node(pdf_text *t, xmlNodePtr n)
{
    do {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            pdf_text_add(t, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        size_t start = t->text.len;
        if (xml_is(n, "br") && next_opens_closing(n))
            continue;
        if (xml_is(n, "br")) {
            t->space_pending = false;
            while (t->text.len && t->text.data[t->text.len - 1] == ' ')
                t->text.data[--t->text.len] = '\0';
            utf8_encode(&t->text, 0x2028);
            continue;
        }
        if (xml_is(n, "rt")) {
            pdf_text_add(t, "（");
            pdf_text_inline(t, n);
            pdf_text_add(t, "）");
            continue;
        }
        if (xml_is(n, "img")) {
            t->pictures++;
            xmlChar *alt = xmlGetProp(n, (const xmlChar *)"alt");
            if (alt && *alt) {
                pdf_text_add(t, "［");
                pdf_text_add(t, (const char *)alt);
                pdf_text_add(t, "］");
            }
            xmlFree(alt);
            continue;
        }
        bool pre = xml_is(n, "code") && !t->keep_spaces;
        bool space_before = t->space_pending;
        pdf_text_inline(t, n);
        /* The word space held back before the element is the text's, not
         * the element's: a link's underline and its box start at its word. */
        if (space_before && start < t->text.len && t->text.data[start] == ' ')
            start++;
        if (start == t->text.len)
            continue;
        if (xml_is(n, "strong") || xml_is(n, "b"))
            span_attr(t, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
        else if (xml_is(n, "em") || xml_is(n, "i"))
            span_emphasis(t, start);
        else if (pre)
            span_attr(t, pango_attr_family_new(t->fonts->family[PDF_ROLE_MONO]), start);
        else if (xml_is(n, "sub") || xml_is(n, "sup")) {
            span_attr(t, pango_attr_scale_new(0.7), start);
            span_attr(t, pango_attr_rise_new((int)((xml_is(n, "sup") ? 0.35 : -0.15) * t->pt * PANGO_SCALE)), start);
        } else if (xml_is(n, "s") || xml_is(n, "del"))
            span_deco(t, PDF_DECO_STRIKE, start);
        else if (xml_is(n, "u") || xml_is(n, "a"))
            span_deco(t, PDF_DECO_UNDERLINE, start);
        if (xml_is(n, "a"))
            add_link(t, n, start);
    } while (0);
}

/* What follows starts a line of its own: a line separator, unless the
 * text is empty or already ends a line. */
static void start_line(pdf_text *t)
{
    t->space_pending = false;
    while (t->text.len && t->text.data[t->text.len - 1] == ' ')
        t->text.data[--t->text.len] = '\0';
    if (t->text.len && last_char(t) != 0x2028)
        utf8_encode(&t->text, 0x2028);
}

static bool is_blank_text(xmlNodePtr n)
{
    if (n->type != XML_TEXT_NODE)
        return false;
    for (const xmlChar *s = n->content; s && *s; s++)
        if (!strchr(" \t\r\n", *s))
            return false;
    return true;
}

static void list_items(pdf_text *t, xmlNodePtr list)
{
    bool ordered = xml_is(list, "ol");
    int number = 1;
    for (xmlNodePtr li = list->children; li; li = li->next) {
        if (!xml_is(li, "li"))
            continue;
        start_line(t);
        char marker[24];
        snprintf(marker, sizeof marker, ordered ? "%d. " : "● ", number++);
        pdf_text_add(t, marker);
        pdf_text_blocks(t, li);
    }
}

void pdf_text_blocks(pdf_text *t, xmlNodePtr node)
{
    bool after_block = false;
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (!article_is_block(n, true)) {
            if (after_block && !is_blank_text(n)) {
                start_line(t);
                after_block = false;
            }
            pdf_text_node(t, n);
            continue;
        }
        start_line(t);
        if (xml_is(n, "ul") || xml_is(n, "ol"))
            list_items(t, n);
        else
            pdf_text_blocks(t, n);
        after_block = true;
    }
}

/* Two full-width marks side by side take 1.5 em (clreq 3.1.6): the one
 * whose blank half faces the other is set half-width with the font's own
 * `halt` forms. */
static void compress_punctuation(pdf_text *t)
{
    const char *s = t->text.data;
    size_t n = t->text.len, prev_at = 0, prev_len = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        int len;
        uint32_t c = utf8_decode(s + i, n - i, &len);
        if (c == PDF_ZWSP) {
            i += (size_t)len;
            continue;
        }
        if (prev && pdf_is_fullwidth_punct(prev) && pdf_is_fullwidth_punct(c) && prev != 0x00B7 && c != 0x00B7) {
            bool first = !pdf_is_opening(prev);
            size_t at = first ? prev_at : i, l = first ? prev_len : (size_t)len;
            PangoAttribute *a = pango_attr_font_features_new("halt");
            a->start_index = (guint)at;
            a->end_index = (guint)(at + l);
            pango_attr_list_insert(t->attrs, a);
            if (!first) {
                prev = 0;
                i += (size_t)len;
                continue;
            }
        }
        prev = c;
        prev_at = i;
        prev_len = (size_t)len;
        i += (size_t)len;
    }
}

/* A quarter em between Han and Latin letters or digits (clreq 3.4). It is
 * the letter spacing of the zero-width space pdf_text_add put at the
 * boundary: pango splits a character's letter spacing half before and half
 * after it, so on a visible character the gap would fall inside the word or
 * number ("202 0年"); on the empty boundary character all of it lands
 * between the two runs, and line breaking already counts it. */
static void space_cjk_latin(pdf_text *t)
{
    const char *s = t->text.data;
    size_t n = t->text.len;
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        int len;
        uint32_t c = utf8_decode(s + i, n - i, &len);
        if (c == PDF_ZWSP && i + (size_t)len < n) {
            int nlen;
            uint32_t next = utf8_decode(s + i + len, n - i - (size_t)len, &nlen);
            if (is_han_latin_boundary(prev, next)) {
                PangoAttribute *a = pango_attr_letter_spacing_new((int)(t->pt * 0.25 * PANGO_SCALE));
                a->start_index = (guint)i;
                a->end_index = (guint)(i + (size_t)len);
                pango_attr_list_insert(t->attrs, a);
            }
        }
        prev = c;
        i += (size_t)len;
    }
}

/* U+00B7 may not start a line, though pango 1.50 lets it. */
static void keep_middle_dots(pdf_text *t)
{
    const char *s = t->text.data;
    size_t prev_at = 0;
    for (size_t i = 0; i < t->text.len;) {
        int len;
        uint32_t c = utf8_decode(s + i, t->text.len - i, &len);
        if ((c == 0x00B7 || c == 0x30FB) && i > 0) {
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = (guint)prev_at;
            a->end_index = (guint)(i + (size_t)len);
            pango_attr_list_insert(t->attrs, a);
        }
        prev_at = i;
        i += (size_t)len;
    }
}

PangoLayout *pdf_text_layout(pdf_text *t, double width, double indent, PangoAlignment align)
{
    while (t->text.len && t->text.data[t->text.len - 1] == ' ')
        t->text.data[--t->text.len] = '\0';
    PangoLayout *l = pango_layout_new(t->fonts->ctx);
    PangoFontDescription *d = pdf_font(t->fonts, t->role, t->pt, t->bold);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    PangoAttribute *lang = pango_attr_language_new(pango_language_from_string("zh-hans"));
    lang->start_index = 0;
    lang->end_index = G_MAXUINT;
    pango_attr_list_insert_before(t->attrs, lang);
    compress_punctuation(t);
    if (t->cjk_latin_space)
        space_cjk_latin(t);
    keep_middle_dots(t);
    pango_layout_set_text(l, t->text.data, (int)t->text.len);
    pango_layout_set_attributes(l, t->attrs);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_indent(l, (int)(indent * PANGO_SCALE));
    pango_layout_set_alignment(l, align);
    /* a blank at a link's end may have been cut since (at the end, or
     * between two Han characters): end on a character boundary */
    for (size_t i = 0; i < t->nlinks; i++) {
        pdf_link *k = &t->links[i];
        if (k->end > t->text.len)
            k->end = (unsigned)t->text.len;
        while (k->end > k->start && k->end < t->text.len && utf8_is_continuation((unsigned char)t->text.data[k->end]))
            k->end--;
    }
    for (size_t i = 0; i < t->ndecos; i++)
        if (t->decos[i].end > t->text.len)
            t->decos[i].end = (unsigned)t->text.len;
    pdf_layout_set_links(l, t->links, t->nlinks);
    free(t->links);
    t->links = NULL;
    t->nlinks = t->caplinks = 0;
    pdf_layout_set_decos(l, t->decos, t->ndecos);
    free(t->decos);
    t->decos = NULL;
    t->ndecos = t->capdecos = 0;
    return l;
}
