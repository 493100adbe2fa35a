/* The name a cleaned page's outputs get in an output folder: one rule for
 * folio-clean -o FOLDER and folio batch. A page is named by its address,
 * <host>/<path> (the container's: a WARC record's target, an MHTML file's
 * Content-Location; else the article's own, from its canonical link), and a
 * page without one by its file: its path under ROOT, and a zip entry's
 * path under the zip's name. Too long a name is shortened (name_set.h). */
#ifndef FOLIO_PAGE_NAME_H
#define FOLIO_PAGE_NAME_H
#include "util/buf.h"

/* The name, without extension, of the page cleaned into XHTML (LEN bytes)
 * from INPUT (NULL: standard input), found under ROOT (NULL: INPUT's own
 * folder), at URL in its container (or NULL) and, in a zip, at RECORD. */
void page_output_name(const char *url, const char *xhtml, size_t len, const char *input,
                      const char *root, const char *record, buf_t *out);

#endif
