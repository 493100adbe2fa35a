/* Text that its source wrapped by hand, joined again: a line (between two
 * <br/>s) or a paragraph that begins with a closing mark (，。」) went on
 * from the one before it; and where a machine cut the lines of a Chinese
 * text at one width, a full line goes on in the next unless it ends a
 * sentence, whatever the next line begins with ("(也是……)", a Latin
 * word), the paragraph ending at a short one. No line of the article then
 * begins with punctuation. */
#include "clean/normalize/normalize.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A line of the run: its width in columns (a wide character takes two),
 * its last and first visible characters. */
typedef struct {
    int      cols;
    uint32_t first, last;
} nw_line;

static bool nw_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x3000;
}

/* Wide on the page of a Chinese text: the CJK characters, and the marks
 * a Chinese font sets full-width (——, “”, ‘’, ……, ·). */
static bool nw_wide(uint32_t c)
{
    return cp_is_wide(c) || c == 0x2014 || c == 0x2015 || (c >= 0x2018 && c <= 0x201D) ||
           c == 0x2026 || c == 0xB7;
}

static void nw_add_text(nw_line *l, const char *s)
{
    for (size_t i = 0, n = strlen(s); i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        if (nw_space(c)) {
            l->cols++;
            continue;
        }
        l->cols += nw_wide(c) ? 2 : 1;
        if (!l->first)
            l->first = c;
        l->last = c;
    }
}

/* The text of the nodes from N up to STOP (not included) into L. */
static void nw_measure(nw_line *l, xmlNodePtr n, xmlNodePtr stop)
{
    for (; n && n != stop; n = n->next) {
        if (n->type == XML_TEXT_NODE)
            nw_add_text(l, (const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE)
            nw_measure(l, n->children, NULL);
    }
}

/* Marks that close what came before and never open a line. */
static bool nw_closing(uint32_t c)
{
    static const uint32_t marks[] = { 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
                                      0x300D, 0x300F, 0xFF09, 0x3011, 0x300B, 0x3009, 0x3015,
                                      0x201D };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (c == marks[i])
            return true;
    return false;
}

/* Marks that end a sentence: a full line that ends with one may end its
 * paragraph as well, and two paragraphs run together are worse than one
 * cut in two. */
static bool nw_final(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x201D || c == 0x300D ||
           c == 0x300F;
}

/* What the article's lines say of its source: whether a machine cut them
 * (a cut blind to the words leaves some line beginning with a closing
 * mark, which no writer does: lines an author set at one width, a poem or
 * a list, begin otherwise), and at which width most full lines stop. */
typedef struct {
    nw_line *l;
    size_t   n, cap;
    bool     blind;
    int      width;
} nw_stats;

/* The lines of paragraph P, between its <br/>s, into L (NULL: count only);
 * the number of lines. BRS, when not NULL, gets the <br/>s. */
static size_t nw_lines_of(xmlNodePtr p, nw_line *l, xmlNodePtr *brs)
{
    size_t k = 0;
    xmlNodePtr from = p->children;
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (xml_is(c, "br")) {
            if (l)
                nw_measure(&l[k], from, c);
            if (brs)
                brs[k] = c;
            k++;
            from = c->next;
        }
    if (l)
        nw_measure(&l[k], from, NULL);
    return k + 1;
}

static bool nw_plain_para(xmlNodePtr n)
{
    return n && xml_is(n, "p") && !xmlHasProp(n, (const xmlChar *)"class");
}

static void nw_gather(nw_stats *st, xmlNodePtr flow)
{
    for (xmlNodePtr c = flow->children; c; c = c->next) {
        if (xml_is(c, "blockquote"))
            nw_gather(st, c);
        if (!nw_plain_para(c))
            continue;
        size_t n = nw_lines_of(c, NULL, NULL);
        ALLOC_GROW(st->l, st->n + n, st->cap);
        memset(st->l + st->n, 0, n * sizeof *st->l);
        nw_lines_of(c, st->l + st->n, NULL);
        for (size_t i = 0; i < n; i++)
            st->blind = st->blind || (st->n + i > 0 && nw_closing(st->l[st->n + i].first));
        /* The last line of a paragraph cut in lines says nothing of the width. */
        st->n += n > 1 ? n - 1 : n;
    }
}

/* The width most full lines stop at: five lines or more, and half of
 * those of a plausible width, within a column of it (a wide character
 * that does not fit is carried over). Widths past 160 columns are no
 * hand-wrapping. */
static int nw_wrap_width(const nw_line *l, size_t n)
{
    int best = 0;
    size_t best_count = 0, plausible = 0;
    for (size_t i = 0; i < n; i++) {
        int w = l[i].cols;
        if (w < 20 || w > 160)
            continue;
        plausible++;
        size_t count = 0;
        int widest = w;
        for (size_t k = 0; k < n; k++)
            if (l[k].cols <= w + 1 && l[k].cols >= w - 1) {
                count++;
                widest = l[k].cols > widest ? l[k].cols : widest;
            }
        if (count > best_count || (count == best_count && widest > best)) {
            best = widest;
            best_count = count;
        }
    }
    return best_count >= 5 && best_count * 2 >= plausible ? best : 0;
}

/* Does line A go on in line B? FIRST: A opens its paragraph, where an
 * indent the page faked with spaces (taken off) made it shorter. */
static bool nw_goes_on(const nw_stats *st, const nw_line *a, const nw_line *b, bool first)
{
    if (!a->last || !b->first)
        return false;
    /* A closing quote opens no line either, in a Chinese text. */
    if (nw_closing(b->first) && (b->first != 0x201D || cp_is_wide(a->last)))
        return true;
    int w = st->width, slack = first ? 12 : 3;
    return st->blind && w && a->cols >= w - slack && a->cols <= w + 1 && nw_wide(a->last) &&
           !nw_final(a->last);
}

/* The <br/>s of paragraph P that cut its text by hand, taken out; its first
 * and last lines into FIRST and LAST. */
static void nw_join_lines(nz *z, const nw_stats *st, xmlNodePtr p, nw_line *first,
                          nw_line *last)
{
    size_t n = nw_lines_of(p, NULL, NULL);
    nw_line *l = xcalloc(n, sizeof *l);
    xmlNodePtr *brs = xcalloc(n, sizeof *brs);
    nw_lines_of(p, l, brs);
    for (size_t i = 0; i + 1 < n; i++)
        if (nw_goes_on(st, &l[i], &l[i + 1], i == 0))
            nz_discard(z, brs[i]);
    *first = l[0];
    *last = l[n - 1];
    free(l);
    free(brs);
}

/* The paragraphs of FLOW that go on in the next, joined to it. */
static void nw_join_flow(nz *z, const nw_stats *st, xmlNodePtr flow)
{
    xmlNodePtr into = NULL;
    nw_line prev_last = { 0 };
    bool prev_opens = false;    /* the paragraph before is one line that opens one */
    for (xmlNodePtr c = flow->children; c; ) {
        xmlNodePtr next = c->next;
        if (xml_is(c, "blockquote"))
            nw_join_flow(z, st, c);
        if (!nw_plain_para(c)) {
            into = NULL;
            c = next;
            continue;
        }
        nw_line first, last;
        bool one_line = nw_lines_of(c, NULL, NULL) == 1;
        nw_join_lines(z, st, c, &first, &last);
        bool joined = into && nw_goes_on(st, &prev_last, &first, prev_opens);
        if (joined) {
            while (c->children) {
                xmlNodePtr k = c->children;
                xmlUnlinkNode(k);
                xmlAddChild(into, k);
            }
            nz_discard(z, c);
        } else {
            into = c;
        }
        prev_last = last;
        prev_opens = one_line && !joined;
        c = next;
    }
}

void nz_join_wrapped(nz *z, xmlNodePtr flow)
{
    nw_stats st = { 0 };
    nw_gather(&st, flow);
    /* No line opens with a closing mark: nothing was cut by a machine,
     * nothing to join. */
    if (st.blind) {
        st.width = nw_wrap_width(st.l, st.n);
        nw_join_flow(z, &st, flow);
    }
    free(st.l);
}
