#include "pdf_justify.h"
#include "pdf_chars.h"

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
                out[n].c = pdf_utf8_get(at, (size_t)(text + text_len - at), &len);
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

static bool blank(uint32_t c)
{
    return c == ' ' || c == PDF_ZWSP || c == 0x2028 || c == '\n' || c == 0x3000;
}

static bool gap_between(uint32_t a, uint32_t b)
{
    if (a == ' ')
        return true;
    if (b == ' ' || blank(a) || blank(b))
        return false;
    return pdf_is_cjk(a) || pdf_is_cjk(b);
}

static void justify_line(PangoLayoutLine *line, const char *text, int text_len, int width, bool stretch, int em,
                         cluster *cl)
{
    int n = line_clusters(line, text, text_len, cl);
    while (n > 0 && blank(cl[n - 1].c)) {
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
    int natural = 0, gaps = 0;
    for (int i = 0; i < n; i++) {
        natural += cl[i].width;
        if (i + 1 < n && gap_between(cl[i].c, cl[i + 1].c))
            gaps++;
    }
    int slack = width - natural;
    if (slack <= 0 || gaps == 0 || slack / gaps > em / 2)
        return;
    /* Hand out the slack in whole pango units, the remainder spread so the
     * line ends exactly at the measure. */
    int done = 0, k = 0;
    for (int i = 0; i + 1 < n; i++) {
        if (!gap_between(cl[i].c, cl[i + 1].c))
            continue;
        k++;
        int upto = (int)((long long)slack * k / gaps);
        cl[i].g->geometry.width += upto - done;
        done = upto;
    }
}

static bool ends_in_hard_break(PangoLayoutLine *line, const char *text, int text_len)
{
    int end = line->start_index + line->length;
    if (end >= text_len)
        return true;
    int len;
    uint32_t c = pdf_utf8_get(text + end, (size_t)(text_len - end), &len);
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
    const char *text = pango_layout_get_text(l);
    int text_len = (int)strlen(text);
    int width = pango_layout_get_width(l), indent = pango_layout_get_indent(l);
    int em = (int)(em_pt * PANGO_SCALE);
    bool stretch = pango_layout_get_alignment(l) == PANGO_ALIGN_LEFT;
    cluster *cl = malloc(sizeof(cluster) * (size_t)(text_len + 1));
    if (!cl)
        return;
    for (GSList *ln = pango_layout_get_lines(l); ln; ln = ln->next) {
        PangoLayoutLine *line = ln->data;
        int w = width;
        if (indent > 0 && line->is_paragraph_start)
            w -= indent;
        else if (indent < 0 && !line->is_paragraph_start)
            w += indent;
        justify_line(line, text, text_len, w, stretch && !ends_in_hard_break(line, text, text_len), em, cl);
    }
    free(cl);
}
