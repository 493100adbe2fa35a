#include "pdf/pdf_sign.h"
#include "pdf/pdf_text.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"
#include "article/article_subset.h"

#include <string.h>

bool pdf_sign_is(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE && xml_is(n, "p") && article_has_class(n, ARTICLE_CLASS_SIGNATURE);
}

xmlNodePtr pdf_sign_next(xmlNodePtr n)
{
    for (n = n ? n->next : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

/* The run's text, one line a paragraph (and a line a <br/> inside one). */
static xmlNodePtr gather(pdf_doc *d, xmlNodePtr n, pdf_text *t)
{
    pdf_text_init(t, d->fonts, d->st->body_role, d->st->body_pt, false);
    t->cjk_latin_space = d->cjk_latin_space;
    xmlNodePtr last = n;
    for (; pdf_sign_is(n); n = pdf_sign_next(n)) {
        if (n != last)
            utf8_encode(&t->text, 0x2028);
        t->space_pending = false;
        pdf_text_inline(t, n);
        last = n;
    }
    return last;
}

static PangoLayout *sign_layout(pdf_doc *d, xmlNodePtr n, pdf_frame f, xmlNodePtr *last)
{
    pdf_text t;
    *last = gather(d, n, &t);
    PangoLayout *l = pdf_text_blank(&t) ? NULL : pdf_text_layout(&t, f.width, 0, PANGO_ALIGN_LEFT);
    pdf_text_free(&t);
    return l;
}

double pdf_sign_height(const pdf_doc *d, xmlNodePtr n)
{
    if (!pdf_sign_is(n))
        return 0;
    /* one line a paragraph and a <br/>: a signature wider than the
     * measure is rare enough to cost only a line of keep */
    int lines = 0;
    for (; pdf_sign_is(n); n = pdf_sign_next(n)) {
        lines++;
        for (xmlNodePtr c = n->children; c; c = c->next)
            lines += c->type == XML_ELEMENT_NODE && xml_is(c, "br");
    }
    return d->st->pitch * (1 + lines);
}

/* A date line: digits or Chinese numerals with 年 and 月 or 日. */
static bool is_date(const char *s, int len)
{
    bool year = false, day = false, number = false;
    for (size_t i = 0; i < (size_t)len;) {
        uint32_t c = utf8_next(s, (size_t)len, &i);
        year |= c == 0x5E74;                      /* 年 */
        day |= c == 0x6708 || c == 0x65E5;        /* 月 日 */
        number |= (c >= '0' && c <= '9') || c == 0x3007 || c == 0x4E00 || c == 0x4E8C;
    }
    return year && day && number;
}

/* Where each line of L begins, from the column's left edge. */
static void place_lines(const pdf_doc *d, PangoLayout *l, double width, double *x)
{
    int n = pango_layout_get_line_count(l);
    double in = d->st->signature_in * d->st->body_pt, em = d->st->body_pt;
    const char *text = pango_layout_get_text(l);
    double issuer_x = width;
    for (int i = 0; i < n; i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
        PangoRectangle r;
        pango_layout_line_get_extents(line, NULL, &r);
        double w = r.width / (double)PANGO_SCALE;
        x[i] = width - in - w;
        bool date = in > 0 && i == n - 1 && n > 1 && is_date(text + line->start_index, line->length);
        if (date && issuer_x + 2 * em + w <= width - in)
            x[i] = issuer_x + 2 * em;
        if (x[i] < 0)
            x[i] = 0;
        if (!date && x[i] < issuer_x)
            issuer_x = x[i];
    }
}

xmlNodePtr pdf_sign_set(pdf_doc *d, xmlNodePtr n, pdf_frame f)
{
    xmlNodePtr last;
    PangoLayout *l = sign_layout(d, n, f, &last);
    if (!l)
        return last;
    pdf_doc_check_glyphs(d, l);
    int lines = pango_layout_get_line_count(l);
    double *x = xcalloc((size_t)lines, sizeof *x);
    place_lines(d, l, f.width, x);
    pdf_page_ensure(d, (d->fresh ? 0 : d->st->pitch) + lines * d->st->pitch);
    pdf_tag_begin(d, "P");
    pdf_page_lines_at(d, l, f.x, d->st->pitch, d->st->pitch, 0, x);
    pdf_tag_end(d);
    free(x);
    g_object_unref(l);
    return last;
}
