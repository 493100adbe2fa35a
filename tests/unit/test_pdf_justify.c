/* Unit tests for justification on pango's shaped lines, with the faces
 * folio-pdf sets its body in: every line but a paragraph's last fills the
 * measure exactly, the slack goes between ideographs and never inside a
 * Latin word, a stop ending a line is set half-width, and a line that would
 * need gaps wider than half an em is left ragged. */
#include "pdf_chars.h"
#include "pdf_fonts.h"
#include "pdf_justify.h"
#include "pdf_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define PT 10.0
#define EM ((int)(PT * PANGO_SCALE))

static pdf_fonts fonts;

static PangoLayout *layout(const char *text, double width_em, double indent_em, bool justify)
{
    pdf_text t;
    pdf_text_init(&t, &fonts, PDF_ROLE_SERIF, PT, false);
    t.cjk_latin_space = false;
    pdf_text_add(&t, text);
    PangoLayout *l = pdf_text_layout(&t, width_em * PT, indent_em * PT, PANGO_ALIGN_LEFT);
    pdf_text_free(&t);
    if (justify)
        pdf_justify(l, PT);
    return l;
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
    return pdf_utf8_get(text + at, strlen(text + at), &len);
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

static void test_latin_words_kept(void)
{
    const char *text = "依据水资源公报编制规程GB/T 23598和Python语言的processing方法统计，数据来自Hydrology"
                       "Station网络的监测记录与archive资料，并经过人工复核确认无误后发布。";
    PangoLayout *plain = layout(text, 15.3, 0, false), *just = layout(text, 15.3, 0, true);
    OK("same breaks", pango_layout_get_line_count(plain) == pango_layout_get_line_count(just));
    const char *s = pango_layout_get_text(just);
    int inside = 0, widened = 0;
    for (int n = 0; n < pango_layout_get_line_count(just); n++) {
        PangoLayoutLine *a = pango_layout_get_line_readonly(plain, n), *b = pango_layout_get_line_readonly(just, n);
        for (GSList *ra = a->runs, *rb = b->runs; ra && rb; ra = ra->next, rb = rb->next) {
            PangoGlyphItem *ga = ra->data, *gb = rb->data;
            for (int i = 0; i + 1 < gb->glyphs->num_glyphs && i < ga->glyphs->num_glyphs; i++) {
                int len, len2;
                const char *at = s + gb->item->offset + gb->glyphs->log_clusters[i];
                uint32_t c = pdf_utf8_get(at, strlen(at), &len);
                const char *nx = s + gb->item->offset + gb->glyphs->log_clusters[i + 1];
                uint32_t d = pdf_utf8_get(nx, strlen(nx), &len2);
                bool grew = gb->glyphs->glyphs[i].geometry.width != ga->glyphs->glyphs[i].geometry.width;
                if (pdf_is_latin(c) && pdf_is_latin(d)) {
                    inside++;
                    widened += grew;
                }
            }
        }
    }
    OK("letters inside words were seen", inside > 20);
    OK("no letter inside a word was widened", widened == 0);
    g_object_unref(plain);
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
    pdf_fonts_close(&fonts);
    printf("test_pdf_justify: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
