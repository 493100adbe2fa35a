/* Headings and the article's title: their faces and places by level, a
 * number that runs in, a heading in two parts set on two lines, a law's
 * divisions centred, and the bookmarks of the second level. */
#include "pdf/pdf_flow.h"
#include "pdf/pdf_flow_int.h"
#include "pdf/pdf_text.h"
#include "pdf/pdf_title.h"
#include "util/utf8.h"
#include "util/zh_doc.h"

#include <stdlib.h>
#include <string.h>

/* A heading that is only a number ("01") with the real heading right
 * after it: the two are set as one line, "01　“高势能”起点". Returns the
 * heading to run in, or NULL. */
static xmlNodePtr numbered_heading(xmlNodePtr h)
{
    char *text = pdf_flow_plain(h);
    bool number = *text && strlen(text) <= 9;
    for (const char *s = text; *s && number; s++)
        number = *s >= '0' && *s <= '9';
    free(text);
    if (!number)
        return NULL;
    xmlNodePtr next = h->next;
    while (next && next->type != XML_ELEMENT_NODE)
        next = next->next;
    return next && next->name[0] == 'h' && next->name[1] >= '2' && next->name[1] <= '6' && !next->name[2] ? next : NULL;
}

/* A heading of a law's divisions, or the 目录 over them: a printed law
 * sets these centred, whatever the style does with other headings. */
static bool is_division_heading(xmlNodePtr h)
{
    char *text = pdf_flow_plain(h);
    bool yes = zh_doc_is_division_heading(text);
    free(text);
    return yes;
}

/* A heading in two parts, which the page set on two lines and the article
 * joins with an ideographic space ("“高势能”起点　激活……"), is set on two
 * lines again when each part is a phrase of its own (PART_CHARS or more;
 * "第一章　总则" stays one line). The space becomes a line separator, as
 * long in UTF-8, so the styles' offsets hold. */
#define PART_CHARS 5

static bool is_ideographic_space(const char *s, size_t at, size_t len)
{
    return at + 3 <= len && !memcmp(s + at, "\xE3\x80\x80", 3);
}

static void heading_parts_on_lines(pdf_text *t, size_t from)
{
    char *s = t->text.data;
    size_t len = t->text.len;
    for (size_t i = from; i < len; i++) {
        if (!is_ideographic_space(s, i, len) || i == from || s[i - 1] == ' ' || i + 3 >= len || s[i + 3] == ' ' ||
            is_ideographic_space(s, i + 3, len) || (i >= from + 3 && is_ideographic_space(s, i - 3, len)))
            continue;
        size_t after = utf8_length(s + i + 3, len - i - 3);
        if (utf8_length(s + from, i - from) >= PART_CHARS && after >= PART_CHARS)
            memcpy(s + i, "\xE2\x80\xA8", 3);
    }
}

/* The face, size and spacing of a heading of LEVEL, or of the title. */
static para_style heading_style(const pdf_doc *d, int level, pdf_frame f, bool title)
{
    const pdf_style *st = d->st;
    para_style ps = pdf_flow_body_style(d, f);
    ps.justify = false;
    ps.indent = 0;
    if (title) {
        ps.role = st->h1_role;
        ps.pt = st->h1_pt;
        ps.bold = st->h1_bold;
        ps.align = PANGO_ALIGN_CENTER;
        ps.pitch = st->h1_pt * 1.5 > st->pitch ? st->h1_pt * 1.5 : st->pitch;
    } else if (level <= 2) {
        ps.role = st->h2_role;
        ps.pt = st->h2_pt;
        ps.bold = !st->heading_indent;
        ps.space = st->pitch * 0.5;
        ps.align = st->h2_centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
        ps.indent = st->heading_indent ? 2 * st->body_pt : 0;
    } else {
        ps.role = st->h3_role;
        ps.pt = st->h3_pt;
        ps.bold = !st->heading_indent;
        ps.space = st->pitch * 0.25;
        ps.indent = st->heading_indent ? 2 * st->body_pt : 0;
    }
    if (st->grid) {
        ps.space = 0;
        ps.pitch = st->pitch;
    } else if (ps.pitch < ps.pt * 1.4)
        ps.pitch = ps.pt * 1.4;
    return ps;
}

void pdf_heading_set(pdf_doc *d, xmlNodePtr n, int level, pdf_frame f, bool title)
{
    const pdf_style *st = d->st;
    para_style ps = heading_style(d, level, f, title);
    if (!title && is_division_heading(n)) {
        ps.align = PANGO_ALIGN_CENTER;
        ps.indent = 0;
    }
    pdf_text t;
    pdf_text_init(&t, d->fonts, ps.role, ps.pt, ps.bold);
    t.cjk_latin_space = d->cjk_latin_space;
    t.cjk_spaces = true;
    pdf_text_inline(&t, n);
    if (!title)
        heading_parts_on_lines(&t, 0);
    xmlNodePtr run_in = title ? NULL : numbered_heading(n);
    if (run_in) {
        pdf_text_add(&t, "　");
        size_t from = t.text.len;
        pdf_text_inline(&t, run_in);
        heading_parts_on_lines(&t, from);
        run_in->_private = (void *)run_in;   /* set already: pdf_flow_blocks skips it */
    }
    if (pdf_text_blank(&t)) {
        pdf_text_free(&t);
        return;
    }
    PangoLayout *l = pdf_text_layout(&t, f.width, ps.indent, ps.align);
    pdf_text_free(&t);
    if (ps.align == PANGO_ALIGN_CENTER)
        pdf_title_balance(l, ps.pt);
    else
        pdf_title_wrap(l, ps.pt);
    pdf_doc_check_glyphs(d, l);
    /* a heading never stands at the foot of a page: two lines of what it
     * heads come with it */
    double need = (d->fresh ? 0 : ps.space) + pango_layout_get_line_count(l) * ps.pitch + 2 * st->pitch + f.keep;
    pdf_page_ensure(d, need);
    if (!title && level == 2) {
        char *plain = pdf_flow_plain(n), *more = run_in ? pdf_flow_plain(run_in) : NULL;
        buf_t mark;
        buf_init(&mark);
        buf_puts(&mark, plain);
        if (more)
            buf_printf(&mark, " %s", more);
        pdf_doc_mark(d, mark.data, 2);
        buf_free(&mark);
        free(plain);
        free(more);
    }
    static const char *const tags[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
    pdf_tag_begin(d, tags[title || level < 1 ? 0 : level > 6 ? 5 : level - 1]);
    pdf_page_lines(d, l, f.x, ps.pitch, ps.space, 2 * st->pitch + f.keep);
    pdf_tag_end(d);
    if (title)
        d->y += st->grid ? st->pitch : st->pitch * 0.5;
    g_object_unref(l);
}

