/* What a file is, from its first bytes, the type it declares or its name:
 * the one table of image types (with their extensions) that captures,
 * the cleaner and the writers share, and the sniff that refuses input that
 * cannot be HTML. */
#ifndef FOLIO_MEDIA_TYPE_H
#define FOLIO_MEDIA_TYPE_H
#include <stdbool.h>
#include <stddef.h>

/* The media type of an image: from its first bytes when they say, else
 * from DECLARED (may be NULL or ""; "image/jpg" counts as "image/jpeg").
 * NULL when neither knows. */
const char *media_type_image(const void *bytes, size_t len, const char *declared);

/* The media type a file name's extension gives an image, or NULL. */
const char *media_type_image_by_name(const char *name);

/* "text/css" when a file name's extension names a style sheet, else NULL. */
const char *media_type_sheet_by_name(const char *name);
/* "text/html" when NAME ends as a saved page does (.html, .htm, .shtml,
 * .xhtml): a frame's document, saved beside the page. */
const char *media_type_page_by_name(const char *name);

/* URL names a document a page attaches: .pdf, .doc, .xls, .ofd, an
 * archive..., with any query or fragment after the name, or in a value of
 * its query (a download script's filename=…). */
bool media_type_is_document_url(const char *url);
/* NAME, spaces aside, is a document's file name: "清单.xls", or a
 * picture's ("示意图.jpg"). */
bool media_type_is_document_name(const char *name);

/* The file extension for an image's MEDIA_TYPE ("png"), "bin" when unknown. */
const char *media_type_image_ext(const char *media_type);

/* What the first bytes say the input is when it is not HTML ("a PDF",
 * "a PNG image", "binary data"), or NULL when it may be HTML. */
const char *media_type_not_html(const unsigned char *data, size_t len);

#endif
