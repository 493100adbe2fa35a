/* Text into the article: whitespace collapsed the way a reader saw it, the
 * indentation that pages fake with &nbsp; and U+3000 taken off, and line
 * breaks between Chinese characters (from hard-wrapped sources) dropped. */
#include "clean/normalize/normalize.h"
#include "util/utf8.h"

#include <string.h>

/* Whitespace as a reader sees it: ASCII space, tab and breaks, NBSP and the
 * ideographic space used for indents. */
static bool nz_is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == 0xa0 || cp == 0x3000 || cp == 0x2002 || cp == 0x2003 || cp == 0x200b;
}

/* Is S white space only? It reads no further than its first other
 * character: a paragraph's one long text node is asked again for every
 * inline element added to it. */
static bool nz_blank(const char *s)
{
    for (size_t i = 0; s[i];)
        if (!nz_is_space(utf8_next(s, i + strnlen(s + i, 4), &i)))
            return false;
    return true;
}

/* Does TEXT begin with an indent of two or more spaces of any kind? */
static bool nz_starts_indented(const char *text)
{
    int n = 0;
    for (size_t i = 0, len = strlen(text); i < len;) {
        unsigned cp = utf8_next(text, len, &i);
        if (cp == '\n' || cp == '\r' || cp == '\t')
            continue;
        if (!nz_is_space(cp))
            break;
        n += cp == 0x3000 ? 2 : 1;
    }
    return n >= 2;
}

bool nz_empty(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (!nz_blank((const char *)c->content))
                return false;
        } else if (c->type == XML_ELEMENT_NODE) {
            if (xml_is(c, "img") || xml_is(c, "hr"))
                return false;
            if (!nz_empty(c))
                return false;
        }
    }
    return true;
}

xmlNodePtr nz_sole_element(xmlNodePtr n, const char *name)
{
    xmlNodePtr only = NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (!nz_blank((const char *)c->content))
                return NULL;
        } else if (c->type == XML_ELEMENT_NODE) {
            if (only || !xml_is(c, name))
                return NULL;
            only = c;
        }
    }
    return only;
}

void nz_discard(nz *z, xmlNodePtr n)
{
    xmlUnlinkNode(n);
    xmlAddChild(z->trash, n);
}

void nz_enter(nz *z, xmlNodePtr container, bool flat, nz_place *saved)
{
    *saved = (nz_place){ z->flow, z->para, z->inl, z->flat, z->space, z->space_nl,
                         z->brs, z->last_cp, z->line_chars };
    z->flow = container;
    z->para = z->inl = flat ? container : NULL;
    z->flat = flat;
    z->brs = 0;
    z->space = z->space_nl = false;
    z->last_cp = 0;
    z->line_chars = 0;
}

void nz_leave(nz *z, const nz_place *saved)
{
    if (!z->flat)
        nz_close_para(z);
    z->flow = saved->flow;
    z->para = saved->para;
    z->inl = saved->inl;
    z->flat = saved->flat;
    z->space = saved->space;
    z->space_nl = saved->space_nl;
    z->brs = saved->brs;
    z->last_cp = saved->last_cp;
    z->line_chars = saved->line_chars;
}

void nz_fill_flat(nz *z, xmlNodePtr container, xmlNodePtr first)
{
    nz_place saved;
    nz_enter(z, container, true, &saved);
    nz_children(z, first);
    nz_trim_end(container);
    nz_leave(z, &saved);
}

void nz_open_para(nz *z, const char *tag)
{
    nz_close_para(z);
    z->para = xmlNewChild(z->flow, NULL, (const xmlChar *)tag, NULL);
    z->inl = z->para;
    z->last_cp = 0;
    z->line_chars = 0;
    z->space = z->space_nl = false;
    z->brs = 0;
}

/* Trailing <br/>s and spaces say nothing at a block's end. */
void nz_trim_end(xmlNodePtr p)
{
    for (;;) {
        xmlNodePtr last = p->last;
        if (!last)
            return;
        if (xml_is(last, "br")) {
            xmlUnlinkNode(last);
            xmlFreeNode(last);
            continue;
        }
        if (last->type == XML_TEXT_NODE) {
            char *s = (char *)last->content;
            size_t n = strlen(s);
            while (n && s[n - 1] == ' ')
                n--;
            if (n == 0) {
                xmlUnlinkNode(last);
                xmlFreeNode(last);
                continue;
            }
            s[n] = '\0';
        }
        return;
    }
}

void nz_close_para(nz *z)
{
    if (z->flat) {
        z->inl = z->para;
        return;
    }
    xmlNodePtr p = z->para;
    z->para = z->inl = NULL;
    z->brs = 0;
    z->space = z->space_nl = false;
    if (!p)
        return;
    xml_merge_text(p);
    nz_trim_end(p);
    if (nz_empty(p))
        nz_discard(z, p);
}

void nz_block_boundary(nz *z)
{
    if (z->flat) {
        if (z->para && !nz_empty(z->para) && !z->brs)
            z->brs = 1;
        z->inl = z->para;
        z->space = false;
        return;
    }
    nz_close_para(z);
}

/* Chinese pages often part paragraphs with one <br/>: after a sentence's
 * end, on a long line, before more prose. Lines of verse, an address or a
 * list are short, and a break inside a sentence is a line's end. */
#define NZ_PROSE_LINE 30

static bool nz_break_ends_paragraph(const nz *z, const char *next_text)
{
    if (!next_text || z->line_chars < NZ_PROSE_LINE)
        return false;
    /* 。！？, or a closing quote right after one */
    unsigned end = z->last_cp;
    if (end == 0x201D || end == 0x2019 || end == 0x300D || end == 0x300F)
        end = z->prev_cp;
    if (end != 0x3002 && end != 0xFF01 && end != 0xFF1F)
        return false;
    size_t n = strlen(next_text), i = 0;
    int chars = 0;
    uint32_t first = 0;
    while (i < n && chars < 10) {
        uint32_t c = utf8_next(next_text, n, &i);
        if (nz_is_space(c))
            continue;
        if (!first)
            first = c;
        chars++;
    }
    return chars >= 10 && cp_is_han(first);
}

/* Pending <br>s become a new paragraph when they were two or more, when
 * the next line is indented like a paragraph, or when one ends a long line
 * of prose at a sentence's end; otherwise one <br/>. */
void nz_flush_brs(nz *z, const char *next_text)
{
    if (!z->brs || !z->para)
        return;
    int brs = z->brs;
    z->brs = 0;
    if (!z->flat &&
        (brs >= 2 || (next_text && nz_starts_indented(next_text)) || (brs == 1 && nz_break_ends_paragraph(z, next_text))) &&
        z->inl == z->para && !nz_empty(z->para)) {
        const char *tag = (const char *)z->para->name;
        xmlChar *cls = xmlGetProp(z->para, (const xmlChar *)"class");
        char tagcopy[16];
        snprintf(tagcopy, sizeof tagcopy, "%s", tag);
        nz_open_para(z, tagcopy);
        if (cls)
            xmlSetProp(z->para, (const xmlChar *)"class", cls);
        xmlFree(cls);
        return;
    }
    if (nz_empty(z->para))
        return;
    xmlAddChild(z->inl, xmlNewNode(NULL, (const xmlChar *)"br"));
    z->last_cp = 0;
    z->line_chars = 0;
    z->space = false;
}

xmlNodePtr nz_add_inline(nz *z, const char *tag)
{
    if (!z->para)
        nz_open_para(z, "p");
    nz_flush_brs(z, NULL);
    return xmlNewChild(z->inl, NULL, (const xmlChar *)tag, NULL);
}

/* A space that goes before the first words of an inline element is the
 * page's space between words, not part of the link or the emphasis: it is
 * written before the outermost element that those words open ("The <a>Fetch
 * API</a>", not "The<a> Fetch API</a>"). False when words came before. */
static bool nz_space_before_inline(nz *z, const char *space)
{
    xmlNodePtr e = z->inl;
    if (!e || e == z->para || e->children)
        return false;
    while (e->parent && e->parent != z->para && e->parent->children == e && !e->next)
        e = e->parent;
    xmlAddPrevSibling(e, xmlNewText((const xmlChar *)space));
    return true;
}

void nz_text(nz *z, const char *text)
{
    buf_t b;
    buf_init(&b);
    for (size_t i = 0, n = strlen(text); i < n;) {
        size_t start = i;
        unsigned cp = utf8_next(text, n, &i);
        /* A replacement character marks a character lost on the way (an
         * emoji the capture could not save, a byte the charset lacks, told
         * on stderr): it says nothing to a reader, and a run of them on a
         * line of its own would leave a line of nothing. */
        if (cp == 0xFFFD)
            continue;
        if (nz_is_space(cp)) {
            z->space |= NZ_SPACE | (cp == 0x3000 ? NZ_SPACE_WIDE : 0);
            if (cp == '\n' || cp == '\r')
                z->space_nl = true;
            continue;
        }
        if (!b.len) {
            /* The first visible character: now we know a paragraph is needed. */
            if (!z->para)
                nz_open_para(z, "p");
            if (z->brs)
                nz_flush_brs(z, text);
        }
        /* boxes set side by side that a style sheet shows one under the
         * other: a sentence's end against a capital ("…on Monday." and
         * "© Caleb Kenna") is two lines' text, not one word */
        if (z->edge && !z->space && (z->last_cp == '.' || z->last_cp == '!' || z->last_cp == '?') &&
            ((cp >= 'A' && cp <= 'Z') || cp == 0xA9) && z->prev_cp >= 'a' && z->prev_cp <= 'z')
            z->space = NZ_SPACE;
        z->edge = false;
        if (z->space && z->last_cp) {
            bool wide = cp_is_wide(z->last_cp) && cp_is_wide(cp);
            bool cjk_join = z->space_nl && wide;
            /* "第一条　为了……": the ideographic space a law sets after an
             * article's number stays one, not a word space */
            const char *space = wide && (z->space & NZ_SPACE_WIDE) ? "\u3000" : " ";
            if (!cjk_join && !(!b.len && nz_space_before_inline(z, space)))
                buf_puts(&b, space);
        }
        z->space = 0;
        z->space_nl = false;
        buf_add(&b, text + start, i - start);
        z->prev_cp = z->last_cp;
        z->last_cp = cp;
        z->line_chars++;
    }
    if (b.len)
        xml_append_text(z->inl, xmlNewText((const xmlChar *)b.data));
    buf_free(&b);
}
