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

/* "1、", "2.", "3）", "1.2 ": Arabic numbering before a heading's words, not
 * a figure that opens them ("5G芯片", "2018年进口……", "509亿资金"). */
static bool nz_is_arabic_numbering(const char *t)
{
    const char *p = t;
    int digits = 0;
    while (isdigit((unsigned char)*p))
        p++, digits++;
    if (digits == 0 || digits > 3)
        return false;
    bool dotted = false;
    while ((*p == '.' && isdigit((unsigned char)p[1])) ||
           (nz_starts_with(p, "．") && isdigit((unsigned char)p[strlen("．")]))) {
        p += *p == '.' ? 1 : strlen("．");
        while (isdigit((unsigned char)*p))
            p++;
        dotted = true;
    }
    static const char *const seps[] = { "、", ".", "．", ")", "）", " ", "　", NULL };
    for (int i = 0; seps[i]; i++)
        if (nz_starts_with(p, seps[i]) && (!dotted || i >= 5 || i == 0))
            return true;
    return false;
}

/* S is a date and nothing else: "2015年7月4日", "2019-09-01",
 * "二〇二三年五月一日", the line under an issuing body. */
static bool nz_is_date_line(const char *s)
{
    nz_line t = nz_line_measure(s);
    if (t.date)
        return t.chars <= 12;
    size_t n = strlen(s), i = 0;
    bool year = false, day = false;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        if (c == 0x5E74)
            year = true;
        else if (c == 0x65E5)
            day = true;
        else if (c != 0x6708 && c != 0x3007 && c != ' ' && c != 0x3000 && !cp_is_han_numeral(c))
            return false;
    }
    return year && day;
}

/* The text of N's sibling block before or after it, or NULL. */
static xmlChar *nz_sibling_text(xmlNodePtr n, bool after)
{
    xmlNodePtr s = after ? n->next : n->prev;
    while (s && s->type != XML_ELEMENT_NODE && (s->type != XML_TEXT_NODE || xmlIsBlankNode(s)))
        s = after ? s->next : s->prev;
    return s ? xmlNodeGetContent(s) : NULL;
}

static bool nz_sibling_is_date(xmlNodePtr n, bool after)
{
    xmlChar *text = nz_sibling_text(n, after);
    bool yes = text && nz_is_date_line((const char *)text);
    xmlFree(text);
    return yes;
}

/* The block after N names whom N quotes ("——（唐）韩愈"): N is a quotation. */
static bool nz_attributed_below(xmlNodePtr n)
{
    xmlChar *text = nz_sibling_text(n, true);
    const char *t = (const char *)text;
    while (t && (*t == ' ' || *t == '\n' || *t == '\t'))
        t++;
    bool yes = t && (nz_starts_with(t, "—") || nz_starts_with(t, "--"));
    xmlFree(text);
    return yes;
}

/* TEXT reads as a sentence, a quotation or a caption, whatever its face:
 * it ends in a sentence's mark (a closing quote or bracket after it too:
 * "……想法。”", "……仪式。（刘通摄）"), in a ！ or ？ that is said (below),
 * holds a full stop with more after it, or opens with the dash of
 * an attribution ("——（宋）陆游"). */
static bool nz_reads_as_sentence(const char *text)
{
    if (nz_starts_with(text, "—") || nz_starts_with(text, "--"))
        return true;
    size_t n = strlen(text);
    /* the last character that is no closing quote or bracket */
    size_t end = n;
    while (end > 0) {
        size_t at = end;
        while (at > 0 && ((unsigned char)text[at - 1] & 0xC0) == 0x80)
            at--;
        if (at > 0)
            at--;
        size_t i = at;
        uint32_t c = utf8_next(text, n, &i);
        if (c != 0x201D && c != 0x2019 && c != 0x300D && c != 0x300F && c != '"' && c != '\'')
            break;
        end = at;
    }
    static const char *const enders[] = { "。", "，", "；", "、", "：", ":", ",", ";", NULL };
    for (const char *const *e = enders; *e; e++) {
        size_t k = strlen(*e);
        if (end >= k && !memcmp(text + end - k, *e, k))
            return true;
    }
    /* Said, not a title: an exclamation said twice ("将进行封闭施工！！！"),
     * words quoted after a clause ("嗯，“……太狡猾！”"). A question alone
     * may be a title ("强龙Uber，难压地头蛇？", "出国前：会考什么？"). */
    static const char *const calls[] = { "！", "？", "!", "?", NULL };
    for (const char *const *e = calls; *e; e++) {
        size_t k = strlen(*e);
        if (end < k || memcmp(text + end - k, *e, k))
            continue;
        uint32_t before = utf8_before(text, end - k);
        if (before == 0xFF01 || before == 0xFF1F || before == '!' || before == '?' ||
            (end < n && strstr(text, "，")))
            return true;
    }
    const char *stop = strstr(text, "。");
    if (stop) {
        /* what follows the stop, past closing quotes */
        const char *after = stop + strlen("。");
        while (nz_starts_with(after, "”") || nz_starts_with(after, "’") || nz_starts_with(after, "」"))
            after += strlen("”");
        if (*after)
            return true;
    }
    return false;
}

/* The block just written is a heading that is only a number ("01", "一"):
 * the bold line under it is that section's title, a level below. Once a
 * paragraph stands between them the number heads a section of its own. */
static bool nz_follows_number_heading(const nz *z)
{
    xmlNodePtr last = z->flow ? z->flow->last : NULL;
    while (last && last->type != XML_ELEMENT_NODE)
        last = last->prev;
    if (!last || !nz_heading_tag(last))
        return false;
    xmlChar *t = xmlNodeGetContent(last);
    char *s = (char *)t, *e;
    while (s && (*s == ' ' || *s == '\n' || *s == '\t'))
        s++;
    for (e = s ? s + strlen(s) : NULL; e && e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t');)
        *--e = '\0';
    bool yes = s && nz_is_number_only(s);
    xmlFree(t);
    return yes;
}

/* TEXT opens with a section's number: "一、", "第二章", "（三）", "4.", "01". */
static bool nz_numbered(const char *text)
{
    return nz_is_cn_numeral_start(text, "、") || nz_starts_with(text, "第") ||
           nz_starts_with(text, "（") || nz_starts_with(text, "(") || nz_is_arabic_numbering(text) ||
           nz_is_number_only(text);
}

/* N holds a heading of its own: a box whose parts speak for themselves
 * (a picture over a section's heading), not a line set as a heading. */
static bool nz_holds_parts(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (nz_heading_tag(c) || nz_holds_parts(c)))
            return true;
    return false;
}

/* A block that is all bold, short and not a sentence is a section heading
 * that the page set with layout: return its level (2-4), else 0. */
int nz_heading_like(nz *z, xmlNodePtr n, const char *text)
{
    size_t len = utf8_length(text, strlen(text));
    if (len == 0 || len > 50 || nz_reads_as_sentence(text) || nz_holds_parts(n))
        return 0;
    /* A date, the issuing body over it (a 落款 set in bold) or a
     * document's number (国发〔2015〕40号) is no heading. */
    if (nz_is_date_line(text) || zh_doc_is_doc_number(text) || nz_sibling_is_date(n, true) || nz_sibling_is_date(n, false) ||
        nz_attributed_below(n))
        return 0;
    /* A line centred under a picture is its caption, bold or not, unless
     * it is numbered as a section is. */
    if (nz_under_bare_image(z, n) && !nz_numbered(text))
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
    if (nz_is_arabic_numbering(text))
        return 3;

    if (nz_follows_number_heading(z))
        return 3;
    /* the article's own title repeated, or the 目录 over a law's chapters
     * (a heading of their rank), titles no part */
    if (nz_block_aligned(n, "center") && !nz_is_number_only(text) && !zh_doc_is_contents_word(text) &&
        !nz_text_equal_title(z, text))
        z->titled_part = true;
    return 2;
}

void nz_heading(nz *z, xmlNodePtr src, int level)
{
    char tag[3] = { 'h', (char)('0' + (level < 2 ? 2 : level > 6 ? 6 : level)), 0 };
    nz_close_para(z);
    nz_open_para(z, tag);
    nz_strip_edit_link(src);
    nz_children(z, src->children);
    nz_close_para(z);
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
