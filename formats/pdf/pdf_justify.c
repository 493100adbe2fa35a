#include "pdf/pdf_justify.h"
#include "pdf/pdf_break.h"
#include "pdf/pdf_chars.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    PangoGlyphInfo *g;   /* the last glyph of a cluster: where space is added */
    PangoFont *font;
    uint32_t c;          /* its first character */
    int width;           /* of the whole cluster */
} cluster;

/* The clusters of LINE in visual order (all of folio's text runs left to
 * right), into OUT (room for every glyph); returns how many. */
static int line_clusters(PangoLayoutLine *line, const char *text, int text_len, cluster *out)
{
    int n = 0;
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        PangoGlyphString *gs = run->glyphs;
        for (int i = 0; i < gs->num_glyphs; i++) {
            bool starts = i == 0 || gs->log_clusters[i] != gs->log_clusters[i - 1];
            if (starts) {
                int len;
                const char *at = text + run->item->offset + gs->log_clusters[i];
                out[n].c = utf8_decode(at, (size_t)(text + text_len - at), &len);
                out[n].width = 0;
                n++;
            }
            out[n - 1].g = &gs->glyphs[i];
            out[n - 1].font = run->item->analysis.font;
            out[n - 1].width += gs->glyphs[i].geometry.width;
        }
    }
    return n;
}

static bool ink_in_left_half(const cluster *c, int em)
{
    if (!c->font)
        return false;
    PangoRectangle ink;
    pango_font_get_glyph_extents(c->font, c->g->glyph, &ink, NULL);
    return ink.width > 0 && ink.x >= 0 && ink.x + ink.width <= em / 2 + em / 20;
}


/* Whether slack may be added after cluster I of N. A zero-width space
 * between two characters that may part (the Han-Latin boundary, a break
 * before a quote) takes the gap itself, so the space lands between the
 * runs and never inside one. */
static bool gap_after(const cluster *cl, int i, int n)
{
    if (i + 1 >= n)
        return false;
    if (PDF_IS_ZW(cl[i].c))
        return i > 0 && pdf_gap_between(cl[i - 1].c, cl[i + 1].c);
    return pdf_gap_between(cl[i].c, cl[i + 1].c);
}

static bool ink_in_right_half(const cluster *c, int em)
{
    if (!c->font)
        return false;
    PangoRectangle ink;
    pango_font_get_glyph_extents(c->font, c->g->glyph, &ink, NULL);
    return ink.width > 0 && ink.x >= em / 2 - em / 20 && ink.x + ink.width <= em;
}

/* What cluster C can give up on a line that is too long: the blank half of
 * a full-width mark (on the side the face leaves blank), a third of a word
 * space. LEFT tells on which side the blank half is taken. */
static int squeezable(const cluster *c, int em, bool *left)
{
    *left = false;
    if (c->c == ' ')
        return c->width / 3;
    if (!pdf_is_fullwidth_punct(c->c) || c->width <= em * 3 / 4)
        return 0;
    if (pdf_is_opening(c->c) && ink_in_right_half(c, em)) {
        *left = true;
        return em / 2;
    }
    if (pdf_sits_left(c->c) && ink_in_left_half(c, em))
        return em / 2;
    return 0;
}

/* clreq 3.8: a line the breaker chose a little too long for the measure
 * is brought back by squeezing its punctuation and word spaces, each in
 * proportion to what it can give (the last cluster is already set). */
static void squeeze(cluster *cl, int n, int excess, int em)
{
    long long total = 0;
    bool left;
    for (int i = 0; i + 1 < n; i++)
        total += squeezable(&cl[i], em, &left);
    if (total <= 0)
        return;
    if (excess > total)
        excess = (int)total;
    long long seen = 0;
    int done = 0;
    for (int i = 0; i + 1 < n; i++) {
        int can = squeezable(&cl[i], em, &left);
        if (!can)
            continue;
        seen += can;
        int upto = (int)(excess * seen / total), d = upto - done;
        done = upto;
        cl[i].g->geometry.width -= d;
        if (left)
            cl[i].g->geometry.x_offset -= d;
    }
}

/* A gap after cluster I that parts two words or a Han and a Latin run. */
static bool is_word_gap(const cluster *cl, int i)
{
    return cl[i].c == ' ' || (PDF_IS_ZW(cl[i].c) && i > 0 && !pdf_is_cjk(cl[i - 1].c) != !pdf_is_cjk(cl[i + 1].c));
}

/* Hand out AMOUNT over the GAPS gaps of a line (word gaps only, or all) in
 * whole pango units, the remainder spread so the line ends exactly at the
 * measure. */
static void spread(cluster *cl, int n, int amount, int gaps, bool words_only)
{
    if (amount <= 0 || gaps == 0)
        return;
    int done = 0, k = 0;
    for (int i = 0; i + 1 < n; i++) {
        if (!gap_after(cl, i, n) || (words_only && !is_word_gap(cl, i)))
            continue;
        k++;
        int upto = (int)((long long)amount * k / gaps);
        cl[i].g->geometry.width += upto - done;
        done = upto;
    }
}

static void justify_line(PangoLayoutLine *line, const char *text, int text_len, int width, bool stretch, int em,
                         int letter_max, cluster *cl)
{
    int n = line_clusters(line, text, text_len, cl);
    while (n > 0 && pdf_is_blank(cl[n - 1].c)) {
        cl[n - 1].g->geometry.width -= cl[n - 1].width;   /* trailing space hangs */
        n--;
    }
    if (n == 0)
        return;
    /* clreq 3.1.6: a stop or closing mark ending a line is set half-width,
     * when the face draws it in the left half as SC faces do (a face that
     * centres it keeps the full em). */
    cluster *last = &cl[n - 1];
    if (pdf_sits_left(last->c) && last->width > em * 3 / 4 && ink_in_left_half(last, em)) {
        last->g->geometry.width -= em / 2;
        last->width -= em / 2;
    }
    if (!stretch)
        return;
    int natural = 0, gaps = 0, word_gaps = 0;
    for (int i = 0; i < n; i++) {
        natural += cl[i].width;
        if (gap_after(cl, i, n)) {
            gaps++;
            word_gaps += is_word_gap(cl, i);
        }
    }
    int slack = width - natural;
    if (slack < 0) {
        squeeze(cl, n, -slack, em);
        return;
    }
    if (slack == 0 || gaps == 0 || slack / gaps > em / 2)
        return;
    /* The gaps between words and at Han-Latin boundaries open first, by up
     * to a quarter em each (jlreq 3.8.3), so that a mixed line is not
     * letter-spaced; then all gaps by up to a twelfth of an em (what copy
     * and search still read as no space); then the word gaps again, up to
     * an em each; what is left goes between all characters alike. */
    int words = word_gaps ? slack < word_gaps * (em / 4) ? slack : word_gaps * (em / 4) : 0;
    int rest = slack - words;
    int letters = rest < gaps * (em / 12) ? rest : gaps * (em / 12);
    rest -= letters;
    int more = word_gaps ? rest < word_gaps * (em * 3 / 4) ? rest : word_gaps * (em * 3 / 4) : 0;
    rest -= more;
    if (rest && (letters + rest) / gaps > letter_max)
        rest = 0;   /* ragged rather than spaced out */
    spread(cl, n, words + more, word_gaps, true);
    spread(cl, n, letters + rest, gaps, false);
}

static bool ends_in_hard_break(PangoLayoutLine *line, const char *text, int text_len)
{
    int end = line->start_index + line->length;
    if (end >= text_len)
        return true;
    int len;
    uint32_t c = utf8_decode(text + end, (size_t)(text_len - end), &len);
    if (c == 0x2028 || c == '\n')
        return true;
    /* the separator may close this line itself */
    for (int i = end - 1; i >= line->start_index && i >= end - 3; i--)
        if ((unsigned char)text[i] == 0xE2 && i + 2 < text_len && (unsigned char)text[i + 1] == 0x80 &&
            (unsigned char)text[i + 2] == 0xA8)
            return true;
    return false;
}

void pdf_justify(PangoLayout *l, double em_pt)
{
    pdf_justify_narrow(l, em_pt, 0.5);
}

void pdf_justify_narrow(PangoLayout *l, double em_pt, double letter_max)
{
    bool stretch = pango_layout_get_alignment(l) == PANGO_ALIGN_LEFT;
    if (stretch)
        pdf_break_lines(l, em_pt);   /* may set the text anew */
    const char *text = pango_layout_get_text(l);
    int text_len = (int)strlen(text);
    int width = pango_layout_get_width(l), indent = pango_layout_get_indent(l);
    int em = (int)(em_pt * PANGO_SCALE);
    cluster *cl = xmalloc(sizeof(cluster) * (size_t)(text_len + 1));
    for (GSList *ln = pango_layout_get_lines(l); ln; ln = ln->next) {
        PangoLayoutLine *line = ln->data;
        int w = width;
        if (indent > 0 && line->is_paragraph_start)
            w -= indent;
        else if (indent < 0 && !line->is_paragraph_start)
            w += indent;
        justify_line(line, text, text_len, w, stretch && !ends_in_hard_break(line, text, text_len), em,
                     (int)(letter_max * em), cl);
    }
    free(cl);
}
