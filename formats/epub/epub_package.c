#include "epub/epub_internal.h"

#include <string.h>

/* The package document: the book's metadata, every file in it, and the
 * reading order. */

static void epub_dc(buf_t *out, const char *element, const char *value, const char *id)
{
    if (!value || !*value)
        return;
    buf_printf(out, "<dc:%s%s%s%s>", element, id ? " id=\"" : "", id ? id : "", id ? "\"" : "");
    epub_xml_text(out, value);
    buf_printf(out, "</dc:%s>\n", element);
}

static void epub_item_line(buf_t *out, const char *id, const char *href, const char *type,
                           const char *properties)
{
    buf_printf(out, "<item id=\"%s\" href=\"", id);
    epub_xml_attr(out, href);
    buf_printf(out, "\" media-type=\"%s\"", type);
    if (properties)
        buf_printf(out, " properties=\"%s\"", properties);
    buf_puts(out, "/>\n");
}

/* A chapter's manifest id: its file name without ".xhtml". */
static void epub_chapter_id(buf_t *out, const epub_chapter *ch)
{
    const char *dot = strrchr(ch->file, '.');
    buf_add(out, ch->file, dot ? (size_t)(dot - ch->file) : strlen(ch->file));
}

static void epub_metadata(const epub_book *b, buf_t *out)
{
    buf_puts(out, "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    epub_dc(out, "identifier", b->identifier, "pub-id");
    epub_dc(out, "title", b->title, NULL);
    epub_dc(out, "language", b->lang, NULL);
    epub_dc(out, "creator", b->creator, NULL);
    epub_dc(out, "publisher", b->publisher, NULL);
    epub_dc(out, "date", b->date, NULL);
    epub_dc(out, "source", b->source, NULL);
    if (!b->is_book)
        epub_dc(out, "subject", b->chapters[0].meta.subject, NULL);
    buf_printf(out, "<meta property=\"dcterms:modified\">%s</meta>\n", b->modified);
    /* Apple Books sets its own fonts over a book's unless told not to. */
    if (b->nfonts)
        buf_puts(out, "<meta property=\"ibooks:specified-fonts\">true</meta>\n");
    /* EPUB 2 readers find the cover picture by this. */
    buf_puts(out, "<meta name=\"cover\" content=\"cover-image\"/>\n</metadata>\n");
}

static void epub_manifest(const epub_book *b, buf_t *out)
{
    buf_t id;
    buf_init(&id);
    buf_puts(out, "<manifest>\n");
    epub_item_line(out, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
    epub_item_line(out, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
    epub_item_line(out, "css", "style.css", "text/css", NULL);
    epub_item_line(out, "cover", "cover.xhtml", "application/xhtml+xml", NULL);
    epub_item_line(out, b->cover_image.id, b->cover_image.href, b->cover_image.media_type,
                   b->cover_image.properties);
    if (b->is_book)
        epub_item_line(out, "titlepage", "title.xhtml", "application/xhtml+xml", NULL);
    for (size_t i = 0; i < b->nchapters; i++) {
        buf_reset(&id);
        epub_chapter_id(&id, &b->chapters[i]);
        epub_item_line(out, id.data, b->chapters[i].file, "application/xhtml+xml", NULL);
    }
    for (size_t i = 0; i < b->nimages; i++)
        epub_item_line(out, b->images[i].id, b->images[i].href, b->images[i].media_type, NULL);
    for (size_t i = 0; i < b->nfonts; i++)
        epub_item_line(out, b->fonts[i].id, b->fonts[i].href, b->fonts[i].media_type, NULL);
    buf_puts(out, "</manifest>\n");
    buf_free(&id);
}

static void epub_spine(const epub_book *b, buf_t *out)
{
    buf_puts(out, "<spine toc=\"ncx\">\n<itemref idref=\"cover\"/>\n");
    /* A book opens like a printed compilation: title page, then contents. */
    if (b->is_book)
        buf_puts(out, "<itemref idref=\"titlepage\"/>\n<itemref idref=\"nav\"/>\n");
    for (size_t i = 0; i < b->nchapters; i++) {
        buf_puts(out, "<itemref idref=\"");
        epub_chapter_id(out, &b->chapters[i]);
        buf_puts(out, "\"/>\n");
    }
    buf_puts(out, "</spine>\n");
}

void epub_package_write(const epub_book *b, buf_t *out)
{
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                  "unique-identifier=\"pub-id\" ");
    if (b->nfonts)
        buf_puts(out, "prefix=\"ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/\" ");
    buf_puts(out, "xml:lang=\"");
    epub_xml_attr(out, b->lang);
    buf_puts(out, "\">\n");
    epub_metadata(b, out);
    epub_manifest(b, out);
    epub_spine(b, out);
    buf_puts(out, "</package>\n");
}
