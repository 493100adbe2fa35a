#include "epub/epub_internal.h"

#include <string.h>

/* The table of contents twice: the EPUB 3 nav document, and toc.ncx for
 * readers that only know EPUB 2. One entry per article, its h2 sections
 * nested below it. */

static void epub_nav_link(buf_t *out, const char *file, const char *anchor, const char *label)
{
    buf_puts(out, "<a href=\"");
    epub_xml_attr(out, file);
    if (anchor)
        buf_printf(out, "#%s", anchor);
    buf_puts(out, "\">");
    epub_xml_text(out, label);
    buf_puts(out, "</a>");
}

static void epub_nav_landmark(buf_t *out, const char *type, const char *href, const char *label)
{
    buf_printf(out, "<li><a epub:type=\"%s\" href=\"%s\">", type, href);
    epub_xml_text(out, label);
    buf_puts(out, "</a></li>\n");
}

void epub_nav_write(epub_book *b, buf_t *out)
{
    const epub_words *w = b->words;
    epub_xhtml_open(out, b->lang, w->toc, "nav");
    buf_puts(out, "<nav epub:type=\"toc\" id=\"toc\">\n<h1>");
    epub_xml_text(out, w->toc);
    buf_puts(out, "</h1>\n<ol>\n");
    epub_codepoints_add_utf8(&b->text, w->toc, strlen(w->toc));
    epub_codepoints_add_utf8(&b->headings, w->toc, strlen(w->toc));
    for (size_t i = 0; i < b->nchapters; i++) {
        const epub_chapter *ch = &b->chapters[i];
        buf_puts(out, "<li>");
        epub_nav_link(out, ch->file, NULL, ch->label);
        if (ch->nsections)
            buf_puts(out, "\n<ol>\n");
        for (size_t s = 0; s < ch->nsections; s++) {
            buf_puts(out, "<li>");
            epub_nav_link(out, ch->file, ch->sections[s].anchor, ch->sections[s].label);
            buf_puts(out, "</li>\n");
            epub_codepoints_add_utf8(&b->text, ch->sections[s].label, strlen(ch->sections[s].label));
        }
        buf_puts(out, ch->nsections ? "</ol>\n</li>\n" : "</li>\n");
    }
    buf_puts(out, "</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>");
    epub_xml_text(out, w->landmarks);
    buf_puts(out, "</h2>\n<ol>\n");
    epub_nav_landmark(out, "cover", "cover.xhtml", w->cover);
    if (b->is_book) {
        epub_nav_landmark(out, "titlepage", "title.xhtml", w->titlepage);
        epub_nav_landmark(out, "toc", "nav.xhtml#toc", w->toc);
    }
    epub_nav_landmark(out, "bodymatter", b->chapters[0].file, w->start);
    buf_puts(out, "</ol>\n</nav>\n");
    epub_xhtml_close(out);
}

static void epub_ncx_point(buf_t *out, size_t *order, const char *file, const char *anchor,
                           const char *label)
{
    ++*order;
    buf_printf(out, "<navPoint id=\"np-%zu\" playOrder=\"%zu\"><navLabel><text>", *order, *order);
    epub_xml_text(out, label);
    buf_puts(out, "</text></navLabel><content src=\"");
    epub_xml_attr(out, file);
    if (anchor)
        buf_printf(out, "#%s", anchor);
    buf_puts(out, "\"/>");
}

void epub_ncx_write(const epub_book *b, buf_t *out)
{
    bool nested = false;
    for (size_t i = 0; i < b->nchapters; i++)
        nested = nested || b->chapters[i].nsections;
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"");
    epub_xml_attr(out, b->lang);
    buf_puts(out, "\">\n<head>\n<meta name=\"dtb:uid\" content=\"");
    epub_xml_attr(out, b->identifier);
    buf_printf(out, "\"/>\n<meta name=\"dtb:depth\" content=\"%d\"/>\n"
                    "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
                    "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n<docTitle><text>",
               nested ? 2 : 1);
    epub_xml_text(out, b->title);
    buf_puts(out, "</text></docTitle>\n<navMap>\n");
    size_t order = 0;
    for (size_t i = 0; i < b->nchapters; i++) {
        const epub_chapter *ch = &b->chapters[i];
        epub_ncx_point(out, &order, ch->file, NULL, ch->label);
        buf_puts(out, "\n");
        for (size_t s = 0; s < ch->nsections; s++) {
            epub_ncx_point(out, &order, ch->file, ch->sections[s].anchor, ch->sections[s].label);
            buf_puts(out, "</navPoint>\n");
        }
        buf_puts(out, "</navPoint>\n");
    }
    buf_puts(out, "</navMap>\n</ncx>\n");
}
