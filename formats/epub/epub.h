/* The EPUB writer: one clean article, or many as a book, packed as an
 * EPUB 3 publication (with an EPUB 2 toc.ncx for older readers). */
#ifndef FOLIO_EPUB_H
#define FOLIO_EPUB_H
#include "util/buf.h"
#include "util/report.h"
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef struct {
    const char *title;     /* the book's title; a book has a title page */
    const char *id;        /* dc:identifier; NULL derives a urn:uuid from the content */
    bool embed_fonts;      /* embed subsets of the serif and sans CJK faces */
    const reporter *report;  /* errors and warnings (images left out) go here */
    bool has_epoch;        /* SOURCE_DATE_EPOCH was given (util/epoch.h): */
    time_t epoch;          /*   dcterms:modified and the zip times come from it */
} epub_options;

typedef struct epub_book epub_book;

/* The strings in OPT are copied. Never returns NULL. */
epub_book *epub_book_new(const epub_options *opt);
void epub_book_free(epub_book *b);

/* Add the clean article DATA read from PATH (NULL or "-" for standard input;
 * local images are read only from PATH's own folder) as the next chapter.
 * Returns 0, or -1 after reporting why it is not a clean article. */
int epub_book_add(epub_book *b, const char *data, size_t len, const char *path);

/* Use the image DATA (PNG, JPEG, GIF or SVG) read from NAME as the cover.
 * Returns 0, or -1 after reporting why not. */
int epub_book_set_cover(epub_book *b, const char *data, size_t len, const char *name);

/* Pack the chapters added so far into OUT. Returns 0, or -1 after
 * reporting why (no chapter, no font to embed, a zip failure). */
int epub_book_write(epub_book *b, buf_t *out);

#endif
