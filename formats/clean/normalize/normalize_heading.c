/* Headings and 落款 that pages set with layout rather than markup: a short
 * block all in bold, a numbered line ("一、", "（一）", "01"), alignment set
 * on the block or on the one element that wraps its text. */
#include "clean/normalize/normalize.h"
#include "clean/extract.h"
#include "util/utf8.h"
#include "util/zh_doc.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The value of a CSS property in a style attribute, lower-cased, spaces gone. */
static bool nz_style_has(xmlNodePtr n, const char *decl)
{
    char *style = nz_attr(n, "style");
    bool has = false;
    if (style) {
        char *w = style;
        for (char *p = style; *p; p++)
            if (*p != ' ')
                *w++ = (char)tolower((unsigned char)*p);
        *w = '\0';
        has = strstr(style, decl) != NULL;
        xmlFree(style);
    }
    return has;
}

static bool nz_aligned(xmlNodePtr n, const char *side)
{
    char *align = nz_attr(n, "align");
    bool yes = align && strcasecmp(align, side) == 0;
    xmlFree(align);
    if (!yes) {
        char decl[32];
        snprintf(decl, sizeof decl, "text-align:%s", side);
        yes = nz_style_has(n, decl);
    }
    if (!yes && !strcmp(side, "center") && xml_is(n, "center"))
        yes = true;
    return yes;
}

/* Alignment set on the block or on the one element that wraps its text. */
bool nz_block_aligned(xmlNodePtr n, const char *side)
{
    for (int depth = 0; n && depth < 3; depth++) {
        if (nz_aligned(n, side))
            return true;
        xmlNodePtr only = NULL;
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))
                continue;
            if (c->type != XML_ELEMENT_NODE || only) {
                only = NULL;
                break;
            }
            only = c;
        }
        n = only;
    }
    return false;
}

bool nz_is_bold_el(xmlNodePtr n)
{
    return xml_is(n, "strong") || xml_is(n, "b") || nz_heading_tag(n) ||
           nz_style_has(n, "font-weight:bold") || nz_style_has(n, "font-weight:700") ||
           nz_style_has(n, "font-weight:bolder");
}

/* Characters of text inside and outside bold elements. */
static void nz_bold_count(xmlNodePtr n, bool bold, int *in, int *out)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            extract_counts c;
            extract_count(n, &c);
            *(bold ? in : out) += c.chars;
        } else if (n->type == XML_ELEMENT_NODE) {
            nz_bold_count(n->children, bold || nz_is_bold_el(n), in, out);
        }
    }
}

static bool nz_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool nz_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* "01", "一", "第一章", "（一）": numbering that heads a section. */
bool nz_is_number_only(const char *t)
{
    if (!*t)
        return false;
    bool digits = true;
    for (const char *p = t; *p; p++)
        if (!isdigit((unsigned char)*p))
            digits = false;
    if (digits && strlen(t) <= 3)
        return true;
    static const char *const numerals[] = {
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL
    };
    for (const char *const *n = numerals; *n; n++)
        if (!strcmp(t, *n))
            return true;
    return false;
}

/* T opens with a number in Han numerals (一 to 九 and 十 first, any
 * numeral after), then AFTER: "十二、", "三、". */
static bool nz_is_cn_numeral_start(const char *t, const char *after)
{
    size_t n = strlen(t), i = 0, end = 0;
    while (i < n) {
        uint32_t c = utf8_next(t, n, &i);
        bool first = end == 0;
        if (!cp_is_han_numeral(c) || (first && (c == 0x3007 || c == 0x96F6 || c == 0x767E || c == 0x5343)))
            break;
        end = i;
    }
    return end > 0 && nz_starts_with(t + end, after);
}

/* A label with nothing after it ("中金所：", "划重点：", "注释：") heads the
 * prose that follows it, as a run-in heading does; an empty slot of a
 * template ("责任编辑：") has none after it. */
bool nz_label_heads_prose(xmlNodePtr n)
{
    xmlNodePtr next = n->next;
    while (next && next->type != XML_ELEMENT_NODE)
        next = next->next;
    if (!next)
        return false;
    extract_counts c;
    extract_count(next, &c);
    return c.chars >= 10 && c.link_chars * 2 < c.chars;
}

/* A block that is all bold, short and not a sentence is a section heading
 * that the page set with layout: return its level (2-4), else 0. */
int nz_heading_like(nz *z, xmlNodePtr n, const char *text)
{
    size_t len = utf8_length(text, strlen(text));
    if (len == 0 || len > 50)
        return 0;
    static const char *const enders[] = { "。", "，", "；", "、", "：", ":", ",", ";", NULL };
    for (const char *const *e = enders; *e; e++)
        if (nz_ends_with(text, *e))
            return 0;
    int in = 0, out = 0;
    nz_bold_count(n->children, nz_is_bold_el(n), &in, &out);
    if (in == 0 || out > 0)
        return 0;
    /* A bold byline ("澎湃新闻记者 段彦超 廖艳", "执笔/王某") is no heading. */
    static const char *const roles[] = { "记者", "通讯员", "实习生", "执笔", "撰稿", NULL };
    for (int i = 0; roles[i]; i++)
        if (len <= 30 && strstr(text, roles[i]))
            return 0;
    /* A bold line that is all link is a link set in bold ("点击进入……>>"). */
    extract_counts c;
    extract_count(n, &c);
    if (c.link_chars >= c.chars)
        return 0;
    /* 一、 heads a section, （一） a subsection; both sit one level lower
     * under a centred document title inside the article (an attached 方案). */
    int base = z->titled_part ? 3 : 2;
    if (nz_starts_with(text, "（") || nz_starts_with(text, "("))
        return base + 1;
    if (nz_is_cn_numeral_start(text, "、") || nz_starts_with(text, "第"))
        return base;
    if (isdigit((unsigned char)text[0]) && !nz_is_number_only(text))
        return 3;

    if (z->last_heading_number_only)
        return 3;
    /* the article's own title repeated, or the 目录 over a law's chapters
     * (a heading of their rank), titles no part */
    if (nz_block_aligned(n, "center") && !nz_is_number_only(text) && !zh_doc_is_contents_word(text) &&
        !nz_text_equal_title(z, text))
        z->titled_part = true;
    return 2;
}

void nz_heading(nz *z, xmlNodePtr src, int level, const char *text)
{
    char tag[3] = { 'h', (char)('0' + (level < 2 ? 2 : level > 6 ? 6 : level)), 0 };
    nz_close_para(z);
    nz_open_para(z, tag);
    nz_strip_edit_link(src);
    nz_children(z, src->children);
    bool was_number = nz_is_number_only(text);
    nz_close_para(z);
    z->last_heading_number_only = was_number;
}


/* The first (or last) character of N's text, 0 when it has none. */
static uint32_t nz_edge_char(xmlNodePtr n, bool last)
{
    xmlChar *s = xmlNodeGetContent(n);
    uint32_t c = 0;
    if (s && *s) {
        size_t len = strlen((const char *)s), i = 0;
        c = last ? utf8_before((const char *)s, len) : utf8_next((const char *)s, len, &i);
    }
    xmlFree(s);
    return c;
}

/* The character beside BR inside the heading H, before or after it. */
static uint32_t nz_char_beside(xmlNodePtr br, xmlNodePtr h, bool before)
{
    for (xmlNodePtr n = br; n && n != h; n = n->parent)
        for (xmlNodePtr s = before ? n->prev : n->next; s; s = before ? s->prev : s->next) {
            uint32_t c = nz_edge_char(s, before);
            if (c)
                return c;
        }
    return 0;
}

static void nz_flatten_breaks_in(xmlNodePtr h, xmlNodePtr n)
{
    while (n) {
        xmlNodePtr next = n->next;
        if (xml_is(n, "br")) {
            uint32_t sep = cp_break_as_space(nz_char_beside(n, h, true), nz_char_beside(n, h, false));
            if (sep) {
                buf_t b;
                buf_init(&b);
                utf8_encode(&b, sep);
                xmlAddPrevSibling(n, xmlNewText((const xmlChar *)b.data));
                buf_free(&b);
            }
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            nz_flatten_breaks_in(h, n->children);
        }
        n = next;
    }
}

/* A heading is one line in every format folio writes (Markdown cannot
 * hold a break in one): a line break in it becomes a space, the
 * ideographic one between CJK text. */
void nz_flatten_heading_breaks(xmlNodePtr flow)
{
    for (xmlNodePtr n = flow->children; n; n = n->next) {
        if (nz_heading_tag(n))
            nz_flatten_breaks_in(n, n->children);
        else if (n->type == XML_ELEMENT_NODE && !xml_is(n, "table") && !xml_is(n, "pre"))
            nz_flatten_heading_breaks(n);
    }
}
