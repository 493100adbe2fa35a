/* Unit tests for justification on pango's shaped lines, with the faces
 * folio-pdf sets its body in: every line but a paragraph's last fills the
 * measure exactly, the slack goes between ideographs and never inside a
 * Latin word, a stop ending a line is set half-width, and a line that would
 * need gaps wider than half an em is left ragged. */
#include "pdf/pdf_chars.h"
#include "pdf/pdf_fonts.h"
#include "pdf/pdf_justify.h"
#include "pdf/pdf_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define PT 10.0
#define EM ((int)(PT * PANGO_SCALE))

static pdf_fonts fonts;

static PangoLayout *layout_spaced(const char *text, double width_em, double indent_em, bool justify, bool spaced)
{
    pdf_text t;
    pdf_text_init(&t, &fonts, PDF_ROLE_SERIF, PT, false);
    t.cjk_latin_space = spaced;
    pdf_text_add(&t, text);
    PangoLayout *l = pdf_text_layout(&t, width_em * PT, indent_em * PT, PANGO_ALIGN_LEFT);
    pdf_text_free(&t);
    if (justify)
        pdf_justify(l, PT);
    return l;
}

static PangoLayout *layout(const char *text, double width_em, double indent_em, bool justify)
{
    return layout_spaced(text, width_em, indent_em, justify, false);
}

/* The advance of line N, summed over its glyphs (what is drawn, not
 * pango's cached extents). */
static int line_width(PangoLayout *l, int n)
{
    PangoLayoutLine *line = pango_layout_get_line_readonly(l, n);
    int w = 0;
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphString *gs = ((PangoGlyphItem *)r->data)->glyphs;
        for (int i = 0; i < gs->num_glyphs; i++)
            w += gs->glyphs[i].geometry.width;
    }
    return w;
}

/* The text of line N, for the caller to free. */
static char *line_text(PangoLayout *l, int n)
{
    PangoLayoutLine *line = pango_layout_get_line_readonly(l, n);
    return strndup(pango_layout_get_text(l) + line->start_index, (size_t)line->length);
}

/* The text of line N's last character. */
static uint32_t last_char(PangoLayout *l, int n)
{
    PangoLayoutLine *line = pango_layout_get_line_readonly(l, n);
    const char *text = pango_layout_get_text(l);
    int at = line->start_index + line->length;
    do
        at--;
    while (at > line->start_index && ((unsigned char)text[at] & 0xC0) == 0x80);
    int len;
    return utf8_decode(text + at, strlen(text + at), &len);
}

/* The advance of the last glyph of line N. */
static int last_glyph_width(PangoLayout *l, int n)
{
    PangoLayoutLine *line = pango_layout_get_line_readonly(l, n);
    PangoGlyphString *gs = ((PangoGlyphItem *)g_slist_last(line->runs)->data)->glyphs;
    return gs->glyphs[gs->num_glyphs - 1].geometry.width;
}

static void test_fills_measure(void)
{
    const char *text = "近年来，聊城市积极探索行政应诉工作新模式，有效破解了法治政府建设存在的行政纠纷化解难、"
                       "败诉率高、负责人出庭应诉率低等重难点问题，助推法治政府建设实现跨越发展。";
    PangoLayout *l = layout(text, 17.3, 2, true);
    int n = pango_layout_get_line_count(l);
    OK("several lines", n >= 3);
    int width = pango_layout_get_width(l);
    OK("first line fills the measure less the indent", line_width(l, 0) == width - 2 * EM);
    for (int i = 1; i + 1 < n; i++)
        OK("a middle line fills the measure", line_width(l, i) == width);
    OK("the last line is not stretched", line_width(l, n - 1) < width);
    g_object_unref(l);
}

/* The advance each character has when nothing is justified: TEXT laid out
 * on one line, its glyph widths by byte offset. */
static int *natural_widths(const char *text)
{
    PangoLayout *l = layout(text, 1000, 0, false);
    const char *s = pango_layout_get_text(l);
    int *w = calloc(strlen(s) + 1, sizeof *w);
    for (GSList *r = pango_layout_get_line_readonly(l, 0)->runs; r; r = r->next) {
        PangoGlyphItem *g = r->data;
        for (int i = 0; i < g->glyphs->num_glyphs; i++)
            w[g->item->offset + g->glyphs->log_clusters[i]] += g->glyphs->glyphs[i].geometry.width;
    }
    g_object_unref(l);
    return w;
}

static void test_latin_words_kept(void)
{
    const char *text = "依据水资源公报编制规程GB/T 23598和Python语言的processing方法统计，数据来自Hydrology"
                       "Station网络的监测记录与archive资料，并经过人工复核确认无误后发布。";
    PangoLayout *just = layout(text, 15.3, 0, true);
    int *natural = natural_widths(text);
    const char *s = pango_layout_get_text(just);
    int inside = 0, widened = 0;
    for (int n = 0; n < pango_layout_get_line_count(just); n++) {
        PangoLayoutLine *b = pango_layout_get_line_readonly(just, n);
        for (GSList *rb = b->runs; rb; rb = rb->next) {
            PangoGlyphItem *gb = rb->data;
            for (int i = 0; i + 1 < gb->glyphs->num_glyphs; i++) {
                int len, len2, at = gb->item->offset + gb->glyphs->log_clusters[i];
                uint32_t c = utf8_decode(s + at, strlen(s + at), &len);
                const char *nx = s + gb->item->offset + gb->glyphs->log_clusters[i + 1];
                uint32_t d = utf8_decode(nx, strlen(nx), &len2);
                if (cp_is_latin(c) && cp_is_latin(d)) {
                    inside++;
                    widened += gb->glyphs->glyphs[i].geometry.width != natural[at];
                }
            }
        }
    }
    OK("letters inside words were seen", inside > 20);
    OK("no letter inside a word was widened", widened == 0);
    free(natural);
    g_object_unref(just);
}

static void test_half_width_line_end(void)
{
    /* nine ideographs and a stop fill a 10-em line exactly */
    PangoLayout *l = layout("一二三四五六七八九，十二三四五六七八九；十一二三四五六七八九十一二三。", 10, 0, true);
    OK("four lines", pango_layout_get_line_count(l) == 4);
    char *first = line_text(l, 0);
    EQ("line 1", first, "一二三四五六七八九，");
    free(first);
    OK("line 1 ends on the comma", last_char(l, 0) == 0xFF0C);
    OK("the comma is half an em", last_glyph_width(l, 0) == EM / 2);
    OK("line 1 still fills the measure", line_width(l, 0) == 10 * EM);
    OK("line 2 ends on the semicolon", last_char(l, 1) == 0xFF1B);
    OK("the semicolon is half an em", last_glyph_width(l, 1) == EM / 2);
    g_object_unref(l);
    /* a paragraph's last stop has nothing after it to give room to */
    l = layout("一二三。", 10, 0, true);
    OK("one line", pango_layout_get_line_count(l) == 1);
    OK("the last line is not stretched", line_width(l, 0) <= 4 * EM);
    g_object_unref(l);
}

static void test_ragged_when_too_loose(void)
{
    /* a number too long for the rest of its line leaves a gap: the line
     * before it stays ragged instead of spacing seven characters apart */
    PangoLayout *l = layout("见网址查阅编号202306305123456789012345678901234567的文件。", 20, 0, true);
    OK("the number goes to its own line", pango_layout_get_line_count(l) == 3);
    OK("the short first line is left ragged", line_width(l, 0) == 7 * EM);
    g_object_unref(l);
}

/* The quarter em between Han and digits is all at the boundary: every
 * digit keeps its own advance, and the empty character between the runs
 * carries the whole gap (pango splits a character's letter spacing half
 * before and half after it, so on a digit it would land inside the
 * number). */
static void test_gap_at_boundary(void)
{
    const char *text = "全市2020年共30多个";
    PangoLayout *l = layout_spaced(text, 1000, 0, false, true), *bare = layout(text, 1000, 0, false);
    int want[16], nwant = 0, digits = 0, digits_kept = 0, boundaries = 0, quarter = 0;
    const char *s = pango_layout_get_text(bare);
    for (GSList *r = pango_layout_get_line_readonly(bare, 0)->runs; r; r = r->next) {
        PangoGlyphItem *g = r->data;
        for (int i = 0; i < g->glyphs->num_glyphs && nwant < 16; i++) {
            int len, at = g->item->offset + g->glyphs->log_clusters[i];
            uint32_t c = utf8_decode(s + at, strlen(s + at), &len);
            if (c >= '0' && c <= '9')
                want[nwant++] = g->glyphs->glyphs[i].geometry.width;
        }
    }
    s = pango_layout_get_text(l);
    for (GSList *r = pango_layout_get_line_readonly(l, 0)->runs; r; r = r->next) {
        PangoGlyphItem *g = r->data;
        for (int i = 0; i < g->glyphs->num_glyphs; i++) {
            int len, at = g->item->offset + g->glyphs->log_clusters[i];
            uint32_t c = utf8_decode(s + at, strlen(s + at), &len);
            int w = g->glyphs->glyphs[i].geometry.width;
            if (c >= '0' && c <= '9') {
                digits_kept += digits < nwant && w == want[digits];
                digits++;
            } else if (c == PDF_ZWSP) {
                boundaries++;
                quarter += w == EM / 4;
            }
        }
    }
    OK("digits seen", digits == 4 + 2);
    OK("no digit widened", digits_kept == digits);
    OK("four boundaries, each an empty character", boundaries == 4);
    OK("each carries a quarter em", quarter == 4);
    PangoRectangle a, b;
    pango_layout_get_extents(l, NULL, &a);
    pango_layout_get_extents(bare, NULL, &b);
    OK("the line grew by exactly four quarter ems", a.width - b.width == EM);
    g_object_unref(l);
    g_object_unref(bare);
}

/* The widest gap between two ideographs on any line but the last, in
 * pango units above their natural advance. */
static int widest_han_gap(PangoLayout *l)
{
    const char *s = pango_layout_get_text(l);
    int *natural = natural_widths(s), widest = 0, n = pango_layout_get_line_count(l);
    for (int k = 0; k + 1 < n; k++)
        for (GSList *r = pango_layout_get_line_readonly(l, k)->runs; r; r = r->next) {
            PangoGlyphItem *g = r->data;
            for (int i = 0; i + 1 < g->glyphs->num_glyphs; i++) {
                int len, at = g->item->offset + g->glyphs->log_clusters[i];
                int nx = g->item->offset + g->glyphs->log_clusters[i + 1];
                if (pdf_is_han(utf8_decode(s + at, strlen(s + at), &len)) &&
                    pdf_is_han(utf8_decode(s + nx, strlen(s + nx), &len))) {
                    int extra = g->glyphs->glyphs[i].geometry.width - natural[at];
                    if (extra > widest)
                        widest = extra;
                }
            }
        }
    free(natural);
    return widest;
}

/* A number that does not fit leaves its line a couple of ems short. Were
 * the slack spread evenly, every ideograph would stand a tenth of an em or
 * more apart, which copy and search read as spaces; the gaps at Han-digit
 * boundaries open first, and the breaks are chosen for the whole
 * paragraph, so every gap between ideographs stays under that. */
static void test_total_fit(void)
{
    const char *text = "2022年，全市平均降水量652.3毫米，较上年偏少18.6%，较多年平均偏多9.8%，属平水偏丰年份。"
                       "全市水资源总量12.47亿立方米，其中地表水资源量4.86亿立方米，地下水资源量9.73亿立方米，"
                       "两者重复计算量2.12亿立方米。全市总供水量17.95亿立方米，其中引黄水量9.12亿立方米，"
                       "占总供水量的50.8%。";
    PangoLayout *l = layout_spaced(text, 36.6, 2, true, true);
    OK("several lines", pango_layout_get_line_count(l) >= 4);
    int widest = widest_han_gap(l);
    OK("no gap between ideographs of a tenth of an em", widest < EM / 10);
    int width = pango_layout_get_width(l), n = pango_layout_get_line_count(l);
    OK("the first line fills the measure", line_width(l, 0) == width - 2 * EM);
    for (int i = 1; i + 1 < n; i++)
        OK("a middle line fills the measure", line_width(l, i) == width);
    g_object_unref(l);

}

/* A line the breaker chose a little long is brought back to the measure
 * by squeezing its commas, never by running past it. */
static void test_squeeze(void)
{
    /* on a measure of ten and a half ems, eleven characters with two
     * commas fit by squeezing half an em; ten would leave the line loose */
    PangoLayout *l = layout("一二三，四五六，七八九十一二三四五六。", 10.5, 0, true);
    char *first = line_text(l, 0);
    EQ("line 1 takes the squeezed commas", first, "一二三，四五六，七八九");
    free(first);
    OK("line 1 fills the measure exactly", line_width(l, 0) == pango_layout_get_width(l));
    OK("two lines", pango_layout_get_line_count(l) == 2);
    g_object_unref(l);
}

static void test_hard_break(void)
{
    PangoLayout *l = layout("聊城市水利局\xe2\x80\xa8二〇二三年六月三十日", 20, 0, true);
    OK("two lines", pango_layout_get_line_count(l) == 2);
    OK("a line ended by a break is not stretched", line_width(l, 0) < 8 * EM);
    g_object_unref(l);
}

int main(void)
{
    pdf_options opt = { 0 };
    if (pdf_fonts_open(&fonts, &opt) != 0) {
        printf("test_pdf_justify: no fonts, nothing tested\n");
        return 1;
    }
    test_fills_measure();
    test_latin_words_kept();
    test_half_width_line_end();
    test_ragged_when_too_loose();
    test_hard_break();
    test_gap_at_boundary();
    test_total_fit();
    test_squeeze();
    pdf_fonts_close(&fonts);
    printf("test_pdf_justify: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
