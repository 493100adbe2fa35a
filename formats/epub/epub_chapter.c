#include "article/article_subset.h"
#include "article/datauri.h"
#include "epub/epub_internal.h"
#include "util/xml_node.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One article as one content document. The body is copied element by
 * element; article_parse has refused any article with an element outside
 * the article subset, so nothing here is guessed at. */

typedef struct {
    epub_book *b;
    epub_chapter *ch;
    const char *name;    /* the input, for messages */
    const char *dir;     /* its folder, for local images */
    buf_t *out;
    int heading;         /* inside h1–h6: the characters go to the sans face too */
    int link;            /* inside <a>: no link may be nested */
    size_t remote;       /* images with a web address, told once per article */
    char *first_remote;
    bool zh;             /* the article is Chinese: its stand-ins say 图 */
    size_t unnamed;      /* stand-ins without alt text so far */
} epub_chapter_ctx;

static void epub_text(epub_chapter_ctx *c, const char *s)
{
    size_t n = strlen(s);
    epub_codepoints_add_utf8(&c->b->text, s, n);
    if (c->heading)
        epub_codepoints_add_utf8(&c->b->headings, s, n);
    epub_xml_text(c->out, s);
}

static void epub_attr(buf_t *out, const char *name, const char *value)
{
    buf_printf(out, " %s=\"", name);
    epub_xml_attr(out, value);
    buf_putc(out, '"');
}

static void epub_attrs(epub_chapter_ctx *c, xmlNodePtr n)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        char *value = epub_subset_attr(n, a);
        if (value) {
            epub_attr(c->out, (const char *)a->name, value);
            if (!strcmp((const char *)a->name, "lang"))
                epub_attr(c->out, "xml:lang", value);
        }
        free(value);
    }
}

/* --- images ------------------------------------------------------------ */

static bool epub_is_remote(const char *src)
{
    size_t scheme = strcspn(src, ":/?#");
    return (src[scheme] == ':' && !datauri_is(src)) || strncmp(src, "//", 2) == 0;
}

/* A picture whose bytes are not in the book is kept as its alt text (a
 * link to it when it has a URL): epubcheck refuses a remote image, and
 * folio never fetches one. */
static void epub_image_stand_in(epub_chapter_ctx *c, const char *src, const char *alt)
{
    char *href = c->link ? NULL : epub_link_href(src);
    /* Without alt text, a file name and its query string ("640?wx_fmt=
     * jpeg&tp=webp") tell a reader nothing: the picture is numbered in
     * its article instead, as the PDF labels it ［图］. */
    char numbered[32];
    const char *shown = alt && *alt ? alt : NULL;
    if (!shown) {
        snprintf(numbered, sizeof numbered, c->zh ? "［图%zu］" : "[Image %zu]", ++c->unnamed);
        shown = numbered;
    }
    if (href) {
        buf_puts(c->out, "<a class=\"image-link\"");
        epub_attr(c->out, "href", href);
        buf_puts(c->out, ">");
        epub_text(c, shown);
        buf_puts(c->out, "</a>");
    } else {
        buf_puts(c->out, "<span class=\"image-missing\">");
        epub_text(c, shown);
        buf_puts(c->out, "</span>");
    }
    free(href);
}

static void epub_image(epub_chapter_ctx *c, xmlNodePtr n)
{
    xmlChar *src = xmlGetProp(n, (const xmlChar *)"src");
    xmlChar *alt = xmlGetProp(n, (const xmlChar *)"alt");
    const char *s = src ? (const char *)src : "";
    const char *href = NULL;
    if (!*s)
        report_warning(c->b->opt.report, c->name, "an image without a src; kept as its alt text");
    else if (epub_is_remote(s) && c->remote++ == 0)
        c->first_remote = xstrdup(s);
    else if (!epub_is_remote(s))
        href = epub_media_image(c->b, s, c->name, c->dir);
    if (href) {
        buf_puts(c->out, "<img");
        epub_attr(c->out, "src", href);
        epub_attr(c->out, "alt", alt ? (const char *)alt : "");
        buf_puts(c->out, "/>");
    } else {
        epub_image_stand_in(c, s, (const char *)alt);
    }
    xmlFree(src);
    xmlFree(alt);
}

/* An h2 becomes a TOC entry below its article; its id, or NULL for one
 * without words. */
static const char *epub_section_add(epub_chapter_ctx *c, xmlNodePtr h2)
{
    char *label = epub_section_label(h2);
    if (!*label) {
        free(label);
        return NULL;
    }
    epub_chapter *ch = c->ch;
    ch->sections = xreallocarray(ch->sections, ch->nsections + 1, sizeof *ch->sections);
    epub_section *s = &ch->sections[ch->nsections++];
    buf_t id;
    buf_init(&id);
    buf_printf(&id, "s%zu", ch->nsections);
    s->anchor = buf_detach(&id);
    s->label = label;
    return s->anchor;
}

/* --- the body ------------------------------------------------------------ */

/* Under the title, where the article came from: its date, publisher and
 * author, which a compilation's reader otherwise loses. */
static void epub_byline(epub_chapter_ctx *c, const article_meta *m)
{
    char *date = m->date ? xstrdup(m->date) : NULL;
    char *t = date ? strchr(date, 'T') : NULL;
    if (t)
        *t = ' ';
    const char *parts[] = { date, m->publisher, m->creator };
    bool any = false;
    for (size_t i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        buf_puts(c->out, any ? " · " : "\n<p class=\"byline\">");
        epub_text(c, parts[i]);
        any = true;
    }
    if (any)
        buf_puts(c->out, "</p>");
    free(date);
}

static void epub_children(epub_chapter_ctx *c, xmlNodePtr n);

static void epub_element_write(epub_chapter_ctx *c, xmlNodePtr n)
{
    article_el e = article_el_of(n);
    const char *name = article_el_name(e);
    if (e == ARTICLE_EL_IMG) {
        epub_image(c, n);
        return;
    }
    buf_printf(c->out, "<%s", name);
    if (e == ARTICLE_EL_H2) {
        const char *anchor = epub_section_add(c, n);
        if (anchor)
            epub_attr(c->out, "id", anchor);
    }
    epub_attrs(c, n);
    if (e == ARTICLE_EL_BR || e == ARTICLE_EL_HR) {
        buf_puts(c->out, "/>");
        return;
    }
    buf_putc(c->out, '>');
    bool heading = e >= ARTICLE_EL_H1 && e <= ARTICLE_EL_H6, link = e == ARTICLE_EL_A;
    c->heading += heading;
    c->link += link;
    epub_children(c, n);
    c->heading -= heading;
    c->link -= link;
    buf_printf(c->out, "</%s>", name);
}

static void epub_children(epub_chapter_ctx *c, xmlNodePtr n)
{
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            epub_text(c, k->content ? (const char *)k->content : "");
        else if (k->type == XML_ELEMENT_NODE)
            epub_element_write(c, k);
    }
}

static void epub_head_meta(buf_t *out, const char *name, const char *value)
{
    if (!value)
        return;
    buf_printf(out, "<meta name=\"%s\" content=\"", name);
    epub_xml_attr(out, value);
    buf_puts(out, "\"/>\n");
}

static xmlNodePtr epub_first_h1(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (xml_is(c, "h1"))
            return c;
        xmlNodePtr found = c->type == XML_ELEMENT_NODE ? epub_first_h1(c) : NULL;
        if (found)
            return found;
    }
    return NULL;
}

void epub_chapter_write(epub_book *b, epub_chapter *ch, const article *a, const char *name, const char *dir)
{
    /* a book of first pages would read as whole articles */
    if (a->meta.next)
        report_warning(b->opt.report, name, "the article continues on its next page, %s, "
                       "which the book does not hold", a->meta.next);
    xmlNodePtr h1 = epub_first_h1(a->body);
    ch->label = h1 ? epub_heading_text(h1) : NULL;
    if (!ch->label || !*ch->label) {
        free(ch->label);
        ch->label = xstrdup(a->meta.title ? a->meta.title : ch->file);
    }
    const char *lang = a->meta.lang ? a->meta.lang : "zh-CN";
    epub_chapter_ctx c = { b, ch, name, dir, &ch->xhtml, 0, 0, 0, NULL, strncmp(lang, "zh", 2) == 0, 0 };
    buf_t *out = &ch->xhtml;
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
    epub_xml_attr(out, lang);
    buf_puts(out, "\" xml:lang=\"");
    epub_xml_attr(out, lang);
    buf_puts(out, "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
    epub_xml_text(out, a->meta.title ? a->meta.title : ch->label);
    buf_puts(out, "</title>\n");
    epub_head_meta(out, "dcterms.date", a->meta.date);
    epub_head_meta(out, "dcterms.publisher", a->meta.publisher);
    epub_head_meta(out, "dcterms.creator", a->meta.creator);
    epub_head_meta(out, "dcterms.source", a->meta.source);
    epub_head_meta(out, "dcterms.identifier", a->meta.identifier);
    epub_head_meta(out, "dcterms.subject", a->meta.subject);
    buf_puts(out, "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n<article>");
    epub_codepoints_add_utf8(&b->text, ch->label, strlen(ch->label));
    for (xmlNodePtr k = a->body->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            epub_text(&c, k->content ? (const char *)k->content : "");
        else if (k->type == XML_ELEMENT_NODE)
            epub_element_write(&c, k);
        if (k == h1)
            epub_byline(&c, &a->meta);
    }
    buf_puts(out, "</article>\n</body>\n</html>\n");
    if (c.remote == 1)
        report_warning(b->opt.report, name, "image %s is not fetched (folio never uses the network); kept as a link",
                       c.first_remote);
    else if (c.remote > 1)
        report_warning(b->opt.report, name,
                       "image %s and %zu more are not fetched (folio never uses the network); kept as links",
                       c.first_remote, c.remote - 1);
    free(c.first_remote);
}

void epub_chapter_free(epub_chapter *ch)
{
    free(ch->file);
    free(ch->label);
    article_meta_free(&ch->meta);
    buf_free(&ch->xhtml);
    for (size_t i = 0; i < ch->nsections; i++) {
        free(ch->sections[i].label);
        free(ch->sections[i].anchor);
    }
    free(ch->sections);
    memset(ch, 0, sizeof *ch);
}
