#include "pdf/pdf_flow.h"
#include "pdf/pdf_flow_int.h"
#include "pdf/pdf_justify.h"
#include "pdf/pdf_sign.h"
#include "pdf/pdf_source.h"
#include "pdf/pdf_text.h"
#include "util/zh_doc.h"
#include "util/xml_node.h"
#include "article/article_subset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A block of the flow: what breaks a run of inline content into
 * paragraphs (li, td and the like are set by their containers). */
static bool is_block(xmlNodePtr n)
{
    return article_is_block(n, false);
}

char *pdf_flow_plain(xmlNodePtr node)
{
    xmlChar *raw = xmlNodeGetContent(node);
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "");
    bool space = false;
    for (const char *s = raw ? (const char *)raw : ""; *s; s++) {
        if (strchr(" \t\r\n", *s)) {
            space = b.len > 0;
            continue;
        }
        if (space)
            buf_putc(&b, ' ');
        space = false;
        buf_putc(&b, *s);
    }
    xmlFree(raw);
    return buf_detach(&b);
}


static void set_text(pdf_doc *d, pdf_text *t, const para_style *ps, pdf_frame f, double keep)
{
    if (t->pictures && d->cr)   /* told when drawing, not when measuring */
        report_warning(d->report, d->name, "a picture inside a line of text is set as its alt text");
    PangoLayout *l = pdf_text_layout(t, f.width, ps->indent, ps->align);
    /* a centred line keeps its marks whole: halving one at its end would
     * move the line off the centre */
    if (ps->justify)
        pdf_justify(l, ps->pt);
    pdf_doc_check_glyphs(d, l);
    pdf_tag_begin(d, ps->tag ? ps->tag : "P");
    pdf_page_lines(d, l, f.x, ps->pitch, ps->space, keep);
    pdf_tag_end(d);
    g_object_unref(l);
}

/* The inline nodes from FIRST up to STOP, set as one paragraph. */
static void paragraph_part(pdf_doc *d, xmlNodePtr first, xmlNodePtr stop, const para_style *ps, pdf_frame f,
                           const char *label, double keep)
{
    pdf_text t;
    pdf_text_init(&t, d->fonts, ps->role, ps->pt, ps->bold);
    t.cjk_latin_space = d->cjk_latin_space;
    if (label)
        pdf_text_add(&t, label);
    pdf_text_nodes(&t, first, stop);
    if (!pdf_text_blank(&t))
        set_text(d, &t, ps, f, keep);
    pdf_text_free(&t);
}

static void paragraph(pdf_doc *d, xmlNodePtr n, const para_style *ps, pdf_frame f, const char *label)
{
    paragraph_part(d, n->children, NULL, ps, f, label, f.keep);
}

para_style pdf_flow_body_style(const pdf_doc *d, pdf_frame f)
{
    const pdf_style *st = d->st;
    return (para_style){ f.role, st->body_pt, st->pitch, 2 * st->body_pt, 0, false, PANGO_ALIGN_LEFT, true, "P" };
}

static void list(pdf_doc *d, xmlNodePtr n, pdf_frame f)
{
    bool ordered = xml_is(n, "ol");
    int number = 1;
    xmlChar *startv = xmlGetProp(n, (const xmlChar *)"start");
    if (startv)
        number = atoi((const char *)startv);
    xmlFree(startv);
    pdf_frame inner = f;
    inner.depth++;
    double hang = 2 * d->st->body_pt;
    inner.x += hang;
    inner.width -= hang;
    inner.keep = 0;
    xmlNodePtr last_li = NULL;
    for (xmlNodePtr li = n->children; li; li = li->next)
        if (xml_is(li, "li"))
            last_li = li;
    pdf_tag_begin(d, "L");
    for (xmlNodePtr li = n->children; li; li = li->next) {
        if (!xml_is(li, "li"))
            continue;
        bool last = li == last_li;
        pdf_tag_begin(d, "LI");
        char label[32];
        if (ordered)
            snprintf(label, sizeof label, "%d. ", number++);
        else
            snprintf(label, sizeof label, "%s", f.depth % 2 ? "○ " : "● ");
        para_style ps = pdf_flow_body_style(d, f);
        ps.indent = -hang;
        pdf_frame item = inner;
        item.x -= hang;
        item.width += hang;
        /* inline content up to the first block, then the blocks */
        pdf_text t;
        pdf_text_init(&t, d->fonts, ps.role, ps.pt, false);
        t.cjk_latin_space = d->cjk_latin_space;
        pdf_text_add(&t, label);
        xmlNodePtr c = li->children;
        for (; c && !is_block(c); c = c->next)
            pdf_text_node(&t, c);
        bool blocks_after = false;
        for (xmlNodePtr b = c; b; b = b->next)
            blocks_after |= is_block(b);
        if (!pdf_text_blank(&t)) {
            PangoLayout *l = pdf_text_layout(&t, item.width - hang, 0, PANGO_ALIGN_LEFT);
            pango_layout_set_width(l, (int)(item.width * PANGO_SCALE));
            pango_layout_set_indent(l, (int)(-hang * PANGO_SCALE));
            pdf_justify(l, ps.pt);
            pdf_doc_check_glyphs(d, l);
            /* its own element: a nested list follows it inside the LI */
            pdf_tag_begin(d, "LBody");
            pdf_page_lines(d, l, item.x + hang, ps.pitch, 0, last && !blocks_after ? f.keep : 0);
            pdf_tag_end(d);
            g_object_unref(l);
        }
        pdf_text_free(&t);
        for (; c; c = c->next)
            if (is_block(c)) {
                pdf_frame sub = inner;
                sub.keep = last ? f.keep : 0;
                xmlNode wrapper = *li;
                wrapper.children = c;
                wrapper.last = c;
                /* one block at a time keeps pdf_flow_blocks the only walker */
                xmlNodePtr keep = c->next;
                c->next = NULL;
                pdf_flow_blocks(d, &wrapper, sub);
                c->next = keep;
            }
        pdf_tag_end(d);
    }
    pdf_tag_end(d);
}

static void preformatted(pdf_doc *d, xmlNodePtr n, pdf_frame f)
{
    para_style ps = { PDF_ROLE_MONO, d->st->body_pt * 0.85, d->st->body_pt * 1.45, 0, d->st->pitch * 0.25,
                      false, PANGO_ALIGN_LEFT, false, "P" };
    pdf_text t;
    pdf_text_init(&t, d->fonts, ps.role, ps.pt, false);
    t.keep_spaces = true;
    t.cjk_latin_space = false;
    pdf_text_inline(&t, n);
    while (t.text.len && t.text.data[t.text.len - 1] == '\n')
        t.text.data[--t.text.len] = '\0';
    if (!pdf_text_blank(&t)) {
        pdf_frame g = f;
        g.x += d->st->body_pt;
        g.width -= d->st->body_pt;
        set_text(d, &t, &ps, g, 0);
    }
    pdf_text_free(&t);
}

static void rule(pdf_doc *d, pdf_frame f)
{
    pdf_page_ensure(d, d->st->pitch);
    if (d->cr) {
        double y = d->y + d->st->pitch / 2;
        cairo_set_line_width(d->cr, 0.5);
        cairo_move_to(d->cr, f.x + f.width * 0.3, y);
        cairo_line_to(d->cr, f.x + f.width * 0.7, y);
        cairo_stroke(d->cr);
    }
    d->y += d->st->pitch;
    d->fresh = false;
}

/* The picture is a Figure element and its caption a Caption beside it
 * (cairo would leave the picture unmarked in a Figure holding the caption). */
static void figure(pdf_doc *d, xmlNodePtr n, pdf_frame f)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (xml_is(c, "img"))
            pdf_image_set(d, c, f);
        else if (xml_is(c, "figcaption")) {
            para_style ps = { f.role, d->st->small_pt, d->st->small_pt * 1.6, 0, 0, false, PANGO_ALIGN_CENTER, false,
                              "Caption" };
            paragraph(d, c, &ps, f, NULL);
            d->y += d->st->pitch * 0.3;
        } else if (is_block(c)) {
            xmlNodePtr keep = c->next;
            xmlNode wrapper = *n;
            wrapper.children = c;
            c->next = NULL;
            pdf_flow_blocks(d, &wrapper, f);
            c->next = keep;
        }
    }
    pdf_page_to_grid(d);
}

/* The picture that an inline child of a paragraph is, alone or wrapped in
 * a link or a span with nothing else in it; NULL for text. */
static xmlNodePtr inline_picture(xmlNodePtr c)
{
    while (c && c->type == XML_ELEMENT_NODE) {
        if (xml_is(c, "img"))
            return c;
        xmlNodePtr only = NULL;
        for (xmlNodePtr k = c->children; k; k = k->next) {
            if (k->type == XML_TEXT_NODE && xmlIsBlankNode(k))
                continue;
            if (only || k->type != XML_ELEMENT_NODE)
                return NULL;
            only = k;
        }
        c = only;
    }
    return NULL;
}

/* A picture among a paragraph's words cannot sit in a line of type: it is
 * set as a block between the text before it and the text after, which
 * goes on without a new indent. */
/* A law's 题注 right under its title, "（……会议通过）", is set centred in
 * Kai, as a printed law sets it. */
static bool is_title_note(xmlNodePtr p)
{
    xmlNodePtr prev = p->prev;
    while (prev && prev->type != XML_ELEMENT_NODE)
        prev = prev->prev;
    if (!xml_is(prev, "h1"))
        return false;
    char *text = pdf_flow_plain(p);
    bool note = zh_doc_is_adoption_note(text, strlen(text));
    free(text);
    return note;
}

/* A paragraph, or the run of signature paragraphs it begins (returning
 * the last of them). */
static xmlNodePtr body_paragraph(pdf_doc *d, xmlNodePtr p, pdf_frame f)
{
    if (pdf_sign_is(p))
        return pdf_sign_set(d, p, f);
    para_style ps = pdf_flow_body_style(d, f);
    if (is_title_note(p)) {
        ps.role = PDF_ROLE_KAI;
        ps.align = PANGO_ALIGN_CENTER;
        ps.indent = 0;
        ps.justify = false;
    }
    xmlNodePtr from = p->children;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        xmlNodePtr img = inline_picture(c);
        if (!img)
            continue;
        paragraph_part(d, from, c, &ps, f, NULL, 0);
        pdf_image_set(d, img, f);
        ps.indent = 0;
        from = c->next;
    }
    paragraph_part(d, from, NULL, &ps, f, NULL, f.keep);
    return p;
}

static void quote(pdf_doc *d, xmlNodePtr q, pdf_frame f)
{
    pdf_frame in = f;
    in.x += 2 * d->st->body_pt;
    in.width -= 2 * d->st->body_pt;
    in.role = d->st->quote_role;
    pdf_tag_begin(d, "BlockQuote");
    bool inline_only = true;
    for (xmlNodePtr c = q->children; c; c = c->next)
        if (is_block(c))
            inline_only = false;
    if (inline_only) {
        para_style ps = pdf_flow_body_style(d, in);
        paragraph(d, q, &ps, in, NULL);
    } else
        pdf_flow_blocks(d, q, in);
    pdf_tag_end(d);
}

static void definitions(pdf_doc *d, xmlNodePtr dl, pdf_frame f)
{
    for (xmlNodePtr c = dl->children; c; c = c->next) {
        para_style ps = pdf_flow_body_style(d, f);
        ps.indent = 0;
        if (article_el_of(c) == ARTICLE_EL_DT) {
            ps.bold = true;
            paragraph(d, c, &ps, f, NULL);
        } else if (article_el_of(c) == ARTICLE_EL_DD) {
            pdf_frame dd = f;
            dd.x += 2 * d->st->body_pt;
            dd.width -= 2 * d->st->body_pt;
            paragraph(d, c, &ps, dd, NULL);
        }
    }
}

static bool is_heading(xmlNodePtr n)
{
    article_el e = article_el_of(n);
    return e >= ARTICLE_EL_H1 && e <= ARTICLE_EL_H6;
}

/* Whether N's text ends in a colon: it introduces what follows. */
static bool introduces(xmlNodePtr n)
{
    char *text = pdf_flow_plain(n);
    size_t len = strlen(text);
    bool colon = (len >= 3 && strcmp(text + len - 3, "：") == 0) || (len && text[len - 1] == ':');
    free(text);
    return colon;
}

/* Whether paragraph N, indented two ems, is set on one line of WIDTH. */
static bool one_line(const pdf_doc *d, xmlNodePtr n, double width)
{
    char *text = pdf_flow_plain(n);
    double ems = 2;
    for (const unsigned char *s = (const unsigned char *)text; *s; s++)
        if (*s < 0x80)
            ems += 0.5;
        else if (*s >= 0xC0)
            ems += 1;
    free(text);
    return ems * d->st->body_pt <= width;
}

/* What must stay on the page of block N's last line when NEXT follows:
 * the 落款 after the text; the list or table a line ending in "："
 * introduces, by its first lines; a heading after a heading, with what
 * that heads; the article's last line, which never stands alone on its
 * last page (AT_END: nothing follows NEXT in the article). */
static double keep_before(const pdf_doc *d, xmlNodePtr n, xmlNodePtr next, bool at_end, double width)
{
    double pitch = d->st->pitch;
    if (pdf_sign_is(next))
        return pdf_sign_is(n) ? 0 : pdf_sign_height(d, next);
    article_el e = article_el_of(next);
    if ((e == ARTICLE_EL_UL || e == ARTICLE_EL_OL || e == ARTICLE_EL_TABLE || e == ARTICLE_EL_DL) &&
        article_el_of(n) == ARTICLE_EL_P && introduces(n))
        return 2 * pitch;
    if (is_heading(n) && is_heading(next))
        return 3 * pitch;
    if (at_end && e == ARTICLE_EL_P && !is_heading(n) && one_line(d, next, width))
        return pitch;
    return 0;
}

void pdf_flow_blocks(pdf_doc *d, xmlNodePtr parent, pdf_frame f)
{
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || n->_private == (void *)n)
            continue;
        xmlNodePtr next = pdf_sign_next(n);
        pdf_frame g = f;
        g.at_end = f.at_end && !next;
        g.keep = next ? keep_before(d, n, next, f.at_end && !pdf_sign_next(next), f.width) : f.keep;
        article_el e = article_el_of(n);
        switch (e) {
        case ARTICLE_EL_P: n = body_paragraph(d, n, g); break;
        case ARTICLE_EL_H1: case ARTICLE_EL_H2: case ARTICLE_EL_H3:
        case ARTICLE_EL_H4: case ARTICLE_EL_H5: case ARTICLE_EL_H6:
            pdf_heading_set(d, n, (int)(e - ARTICLE_EL_H1) + 1, g, false);
            break;
        case ARTICLE_EL_UL: case ARTICLE_EL_OL: list(d, n, g); break;
        case ARTICLE_EL_BLOCKQUOTE: quote(d, n, g); break;
        case ARTICLE_EL_PRE: preformatted(d, n, g); break;
        case ARTICLE_EL_TABLE: pdf_table_set(d, n, g); break;
        case ARTICLE_EL_FIGURE: figure(d, n, g); break;
        case ARTICLE_EL_IMG: pdf_image_set(d, n, g); break;
        case ARTICLE_EL_HR: rule(d, g); break;
        case ARTICLE_EL_DL: definitions(d, n, g); break;
        default: pdf_flow_blocks(d, n, g); break;   /* its blocks join the flow */
        }
    }
}

/* The 来源 · date line under the title, in Kai, centred, with the first
 * lines of the text kept beside it. */
static void source_line(pdf_doc *d, const article *a, pdf_frame f, bool under_title)
{
    char *line = d->source_line ? pdf_source_line(&a->meta) : NULL;
    if (!line)
        return;
    const pdf_style *st = d->st;
    para_style ps = { PDF_ROLE_KAI, st->small_pt, st->small_pt * 1.6, 0, 0, false, PANGO_ALIGN_CENTER, false, "P" };
    pdf_text t;
    pdf_text_init(&t, d->fonts, ps.role, ps.pt, false);
    t.cjk_latin_space = d->cjk_latin_space;
    t.cjk_spaces = true;   /* the spaces round the dot */
    pdf_text_add(&t, line);
    if (under_title && !st->grid)
        d->y -= st->pitch * 0.25;   /* it belongs to the title: half the space below it */
    set_text(d, &t, &ps, f, 2 * st->pitch);
    pdf_text_free(&t);
    free(line);
    d->y += st->pitch * 0.5;
}

void pdf_flow_article(pdf_doc *d, const article *a, bool recto)
{
    pdf_page_new(d);
    if (recto && (d->page - d->front) % 2 == 0) {
        d->head_here = false;
        pdf_page_new(d);
    }
    d->head_here = false;   /* an article's first page carries no running head */
    pdf_frame f = { pdf_doc_left(d), pdf_doc_measure(d), d->st->body_role, 0, 0, true };
    xmlNodePtr first = a->body->children;
    while (first && first->type != XML_ELEMENT_NODE)
        first = first->next;
    xmlNodePtr h1 = xml_is(first, "h1") ? first : NULL;
    const char *title = a->meta.title ? a->meta.title : "";
    d->article_title = title;
    pdf_doc_mark(d, *title ? title : d->name, 1);
    if (h1)
        pdf_heading_set(d, h1, 1, f, true);
    source_line(d, a, f, h1);
    xmlNode rest = *a->body;
    rest.children = h1 ? h1->next : a->body->children;
    pdf_flow_blocks(d, &rest, f);
}
