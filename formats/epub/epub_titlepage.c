#include "epub/epub_internal.h"

#include <string.h>

/* A book's title page: its title, the span of its articles' dates and,
 * when they all share one, their publisher. */

static void epub_date_span(const epub_book *b, char first[11], char last[11])
{
    first[0] = last[0] = '\0';
    for (size_t i = 0; i < b->nchapters; i++) {
        char d[11];
        if (!epub_date_w3c(b->chapters[i].meta.date, d))
            continue;
        if (!first[0] || strcmp(d, first) < 0)
            memcpy(first, d, sizeof d);
        if (!last[0] || strcmp(d, last) > 0)
            memcpy(last, d, sizeof d);
    }
}

/* "2019-11-13 — 2023-10-25", or one date, or "". */
void epub_titlepage_dates(const epub_book *b, buf_t *out)
{
    char first[11], last[11];
    epub_date_span(b, first, last);
    if (!first[0])
        return;
    buf_puts(out, first);
    if (strcmp(first, last) != 0)
        buf_printf(out, " — %s", last);
}

static void epub_titlepage_line(epub_book *b, buf_t *out, const char *class, const char *text)
{
    buf_printf(out, "<p class=\"%s\">", class);
    epub_xml_text(out, text);
    buf_puts(out, "</p>\n");
    epub_codepoints_add_utf8(&b->text, text, strlen(text));
}

void epub_titlepage_write(epub_book *b, buf_t *out)
{
    epub_xhtml_open(out, b->lang, b->title, "titlepage");
    buf_puts(out, "<section class=\"titlepage\" epub:type=\"titlepage\">\n<h1 class=\"book-title\">");
    epub_xml_text(out, b->title);
    buf_puts(out, "</h1>\n");
    epub_codepoints_add_utf8(&b->text, b->title, strlen(b->title));
    epub_codepoints_add_utf8(&b->headings, b->title, strlen(b->title));
    buf_t dates;
    buf_init(&dates);
    epub_titlepage_dates(b, &dates);
    if (dates.len)
        epub_titlepage_line(b, out, "book-dates", dates.data);
    if (b->publisher)
        epub_titlepage_line(b, out, "book-publisher", b->publisher);
    buf_free(&dates);
    buf_puts(out, "</section>\n");
    epub_xhtml_close(out);
}
